/** audiotag train: see the module description. */
package org.audiotag.train;
