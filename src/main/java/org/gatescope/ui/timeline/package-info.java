/** The memory-cell timeline: c&lt;t&gt; of the watched units, the gate bars and the memory reach row, under a shared token axis. */
package org.gatescope.ui.timeline;
