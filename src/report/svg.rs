//! The map as a standalone SVG document, from the layout in `map`.
//!
//! Every value is written with a fixed number of decimals, in a fixed
//! order, so the same data gives byte-identical SVG. Labels are the only
//! text from the ledger and are escaped; everything else is numbers and
//! colours from the statement palette.

use std::fmt::Write as _;

use super::map::{
    kind_shape, label_style, map_points, node_colors, node_shape, LabelStyle, MapLayout, MapLegend,
};
use crate::ledger::Amount;
use crate::statement::pdf::{measure, Weight};
use crate::statement::pictogram::{path_data, Cmd};

/// Height of the legend under the map: one row of kinds of work, one of shapes.
const LEGEND_H: f32 = 34.0;
const LEGEND_SIZE: f32 = 7.0;

/// The map as an SVG document of its natural size, with its legend under
/// it, so the file explains itself wherever it is opened. `title` names it
/// for screen readers (escaped here).
pub fn map_svg(layout: &MapLayout, title: &str, legend: &MapLegend) -> String {
    let mut out = String::with_capacity(256 + layout.nodes.len() * 320 + layout.edges.len() * 160);
    let height = layout.height + LEGEND_H;
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.2} {h:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" \
         role=\"img\" font-family=\"DejaVu Sans, Verdana, sans-serif\">",
        w = layout.width,
        h = height
    );
    let _ = write!(out, "<title>{}</title>", escape(title));
    let _ = write!(
        out,
        "<rect width=\"{:.2}\" height=\"{:.2}\" fill=\"#ffffff\"/>",
        layout.width, height
    );
    write_legend(&mut out, legend, layout.height);
    out.push_str("<g class=\"edges\" stroke-linecap=\"round\">");
    for edge in &layout.edges {
        let (a, b) = (&layout.nodes[edge.a], &layout.nodes[edge.b]);
        let _ = write!(
            out,
            "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\" stroke=\"{}\" stroke-width=\"{:.2}\" stroke-opacity=\"0.75\"{} \
             data-a=\"{}\" data-b=\"{}\" data-hours=\"{}\"/>",
            a.x,
            a.y,
            b.x,
            b.y,
            edge.color.hex(),
            edge.width,
            if edge.system { " stroke-dasharray=\"3 2\"" } else { "" },
            escape(&a.account_id),
            escape(&b.account_id),
            Amount::from_minor(edge.hours_minor)
        );
    }
    out.push_str("</g><g class=\"nodes\">");
    for node in &layout.nodes {
        let (fill, stroke) = node_colors(node.kind);
        let class = node.kind.as_str();
        let LabelStyle { weight, color, .. } = label_style(node.kind);
        let weight = match weight {
            Weight::Regular => "normal",
            Weight::Bold => "bold",
        };
        let (bx, by, bw, bh) = node.label_box();
        let _ = write!(
            out,
            "<g class=\"node {class}\" data-account=\"{}\"><path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"/>\
             <rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"1.5\" fill=\"#ffffff\" fill-opacity=\"0.85\"/><text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{:.1}\" font-weight=\"{weight}\" fill=\"{}\" text-anchor=\"middle\">{}</text></g>",
            escape(&node.account_id),
            path_data(&rounded(node_shape(node))),
            fill.hex(),
            stroke.hex(),
            bx,
            by,
            bw,
            bh,
            node.x,
            node.label_baseline(),
            node.label_size,
            color.hex(),
            escape(&node.label)
        );
    }
    out.push_str("</g></svg>");
    out
}

/// The legend under the map: a row with a coloured bar per kind of work
/// (a `rect`: every `line` of the SVG is a connection),
/// and a row with each kind of account's shape and name.
fn write_legend(out: &mut String, legend: &MapLegend, top: f32) {
    out.push_str("<g class=\"legend\">");
    let advance = |text: &str| measure(text, Weight::Regular, LEGEND_SIZE, false) + 12.0;
    let mut x = 12.0;
    let row = top + 12.0;
    for (name, color) in &legend.works {
        let _ = write!(
            out,
            "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"12\" height=\"2.5\" rx=\"1.25\" fill=\"{}\"/>\
             <text x=\"{tx:.2}\" y=\"{ty:.2}\" font-size=\"{LEGEND_SIZE:.1}\" fill=\"#222222\">{}</text>",
            color.hex(),
            escape(name),
            y = row - 1.25,
            tx = x + 16.0,
            ty = row + 2.5,
        );
        x += 16.0 + advance(name);
    }
    let mut x = 12.0;
    let row = top + 27.0;
    for (kind, name) in &legend.kinds {
        let (fill, stroke) = node_colors(*kind);
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\
             <text x=\"{tx:.2}\" y=\"{ty:.2}\" font-size=\"{LEGEND_SIZE:.1}\" fill=\"#222222\">{}</text>",
            path_data(&rounded(kind_shape(*kind, x + 4.0, row, 4.0))),
            fill.hex(),
            stroke.hex(),
            escape(name),
            tx = x + 12.0,
            ty = row + 2.5,
        );
        x += 12.0 + advance(name);
    }
    out.push_str("</g>");
}

/// Path coordinates rounded to hundredths, so the text never shows float noise.
fn rounded(cmds: Vec<Cmd>) -> Vec<Cmd> {
    let r = |v: f32| (v * 100.0).round() / 100.0;
    cmds.into_iter()
        .map(|cmd| map_points(cmd, |x, y| (r(x), r(y))))
        .collect()
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
