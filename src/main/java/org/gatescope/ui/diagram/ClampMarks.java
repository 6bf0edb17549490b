package org.gatescope.ui.diagram;

import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.gatescope.engine.Quantity;
import org.gatescope.render.Theme;
import org.gatescope.ui.diagram.CellStructure.Node;
import org.gatescope.ui.diagram.CellStructure.NodeKind;
import org.gatescope.ui.diagram.DiagramLayout.Box;

/**
 * Marks the gates a clamp sets at the shown token for the shown unit: a dashed outline around the gate's
 * box and a "clamped" tag on it, drawn over the diagram, so the student sees that this Γ was forced,
 * not computed.
 */
final class ClampMarks {

    private ClampMarks() {
    }

    static void paint(GraphicsContext g, DiagramLayout layout, Set<Quantity> clamped) {
        if (clamped.isEmpty()) {
            return;
        }
        g.save();
        double size = Math.max(Theme.SCREEN_SMALL, layout.labelSize() * 0.62);
        for (Node node : layout.structure().nodes()) {
            if (node.kind() != NodeKind.GATE || !clamped.contains(node.quantity())) {
                continue;
            }
            Box box = layout.box(node.id());
            double pad = 5;
            g.setStroke(DiagramTheme.DANGER);
            g.setLineWidth(Math.max(2, layout.lineWidth() * 1.4));
            g.setLineDashes(6, 4);
            g.strokeRoundRect(box.left() - pad, box.top() - pad, box.w() + 2 * pad, box.h() + 2 * pad, 12, 12);
            g.setLineDashes(null);
            String tag = "clamped";
            Font font = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, size);
            double tagWidth = size * 5.4;
            double tagHeight = size * 1.45;
            double left = box.cx() - tagWidth / 2;
            double top = box.top() - pad - tagHeight / 2;
            g.setFill(DiagramTheme.DANGER);
            g.fillRoundRect(left, top, tagWidth, tagHeight, tagHeight, tagHeight);
            g.setFill(javafx.scene.paint.Color.WHITE);
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(tag, box.cx(), top + tagHeight / 2);
        }
        g.restore();
    }
}
