/** audiotag augment: see the module description. */
package org.audiotag.augment;
