/**
 * Model files: a network described in YAML ({@code izhsim run FILE}), read into a tree of nodes
 * that remember their line and column ({@code YamlReader}, on Jackson's streaming parser; a
 * {@code .toml} file goes through {@code TomlReader} into the same tree), then
 * mapped onto the core's network API into a {@link org.izhsim.io.model.ModelFile}: one reader
 * per section ({@code RunSettingsReader}, {@code GroupReader} with {@code ModelResolver},
 * {@code SynapseReader}, {@code InputReader}, {@code MonitorReader}, {@code OutputsReader})
 * behind a small coordinator ({@code ModelFileReader}) that runs them in order and hands them
 * what they share ({@code Context}: the time grid, the scheme, the groups read so far). {@link org.izhsim.io.model.Schema} lists every key the
 * reader accepts; the reference is {@code docs/model-files.md}. Every refusal is a
 * {@link org.izhsim.io.model.ModelFileException} naming file, line, column and key path, and
 * listing the allowed keys or values. Expressions are parsed by {@link org.izhsim.expr}. A group
 * may run an equation model ({@code model: {equations: FILE}}, {@link org.izhsim.equations}); the
 * compiler that turns it into a kernel is passed in by the caller, so this package stays free of
 * code generation.
 */
package org.izhsim.io.model;
