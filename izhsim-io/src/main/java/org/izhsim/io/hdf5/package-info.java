/**
 * A minimal HDF5 writer ({@link org.izhsim.io.hdf5.Hdf5Writer}) for files that grow while a
 * run streams into them and stay readable by h5py after every flush, even if the process is
 * killed. It writes the subset NWB needs: groups, attributes, compact and contiguous datasets
 * of numbers, variable-length UTF-8 strings and object references.
 */
package org.izhsim.io.hdf5;
