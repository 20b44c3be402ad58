/** audiotag features: see the module description. */
package org.audiotag.features;
