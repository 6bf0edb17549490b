/** File ▸ Export for slides: the dialog and its view model, over render.export's SlideExport (the CLI's too). */
package org.gatescope.ui.export;
