/**
 * Named numerical schemes ({@link org.izhsim.integrate.Scheme}) and the array kernel that
 * applies them ({@link org.izhsim.integrate.IzhikevichKernel}). Izhikevich's own update orders
 * (figure1.m, net.m) are schemes to reproduce exactly, beside plain Euler and RK4; every
 * output records which one ran. One kernel serves single neurons and networks alike.
 * {@link org.izhsim.integrate.Izhikevich2007Kernel} does the same for the 2007 dimensional
 * model (euler as in the book, rk4); both implement {@link org.izhsim.integrate.NeuronKernel}.
 * Their FLOPs per step are counted from the models' equation trees
 * ({@code org.izhsim.equations.BuiltinEquations#count}).
 */
package org.izhsim.integrate;
