/**
 * Named numerical schemes ({@link org.izhsim.integrate.Scheme}) and the array kernel that
 * applies them ({@link org.izhsim.integrate.IzhikevichKernel}). Izhikevich's own update orders
 * (figure1.m, net.m) are schemes to reproduce exactly, beside plain Euler and RK4; every
 * output records which one ran. One kernel serves single neurons and networks alike.
 */
package org.izhsim.integrate;
