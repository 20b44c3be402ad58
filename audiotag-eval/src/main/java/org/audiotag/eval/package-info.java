/** audiotag eval: see the module description. */
package org.audiotag.eval;
