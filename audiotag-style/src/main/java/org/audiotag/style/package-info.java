/** audiotag style: see the module description. */
package org.audiotag.style;
