package org.gatescope.render.diagram;

import java.util.Set;
import org.gatescope.engine.Quantity;
import org.gatescope.render.Theme;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.draw.TextAlign;
import org.gatescope.render.draw.TextBaseline;
import org.gatescope.render.diagram.CellStructure.Node;
import org.gatescope.render.diagram.CellStructure.NodeKind;
import org.gatescope.render.diagram.DiagramLayout.Box;

/**
 * Marks the gates a clamp sets at the shown token for the shown unit: a dashed outline around the gate's
 * box and a "clamped" tag on it, drawn over the diagram, so the student sees that this Γ was forced,
 * not computed.
 */
public final class ClampMarks {

    private ClampMarks() {
    }

    public static void paint(Painter g, DiagramLayout layout, Set<Quantity> clamped) {
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
            g.setLineDashes();
            String tag = "clamped";
            DrawFont font = DrawFont.bold(size);
            double tagWidth = size * 5.4;
            double tagHeight = size * 1.45;
            double left = box.cx() - tagWidth / 2;
            double top = box.top() - pad - tagHeight / 2;
            g.setFill(DiagramTheme.DANGER);
            g.fillRoundRect(left, top, tagWidth, tagHeight, tagHeight, tagHeight);
            g.setFill(Rgba.WHITE);
            g.setFont(font);
            g.setTextAlign(TextAlign.CENTER);
            g.setTextBaseline(TextBaseline.MIDDLE);
            g.fillText(tag, box.cx(), top + tagHeight / 2);
        }
        g.restore();
    }
}
