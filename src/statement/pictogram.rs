//! Pictograms for readers who rely on pictures more than words: one per kind
//! of work, hours in and out, and a positive or negative balance.
//!
//! Each pictogram is defined once, as filled or stroked paths in a 24x24 box
//! (y down, like SVG and like krilla's page coordinates). The HTML renderer
//! turns the paths into inline SVG with [`svg`]; the PDF renderer walks the
//! same [`Cmd`] lists into vector paths. Neither renderer knows any shape.
//!
//! The colours here are the statement's palette, shared by HTML and PDF so
//! that "green means in" holds on screen and on paper.

use std::fmt::Write as _;
use std::sync::OnceLock;

use super::model::WorkKind;

/// Side of the square every pictogram is drawn in.
pub const BOX: f32 = 24.0;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// "#rrggbb" for CSS and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The statement palette.
pub mod colors {
    use super::Rgb;

    pub const INK: Rgb = Rgb(0x1f, 0x29, 0x33);
    pub const MUTED: Rgb = Rgb(0x5f, 0x6b, 0x76);
    pub const RULE: Rgb = Rgb(0xd5, 0xdb, 0xe1);
    pub const PANEL: Rgb = Rgb(0xf3, 0xf5, 0xf7);
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
    /// Hours coming in, and a positive balance.
    pub const IN: Rgb = Rgb(0x2e, 0x7d, 0x32);
    pub const IN_LIGHT: Rgb = Rgb(0xe3, 0xf1, 0xe4);
    /// Hours going out, and a negative balance (orange, not red: a negative
    /// balance is allowed and must not look like an alarm).
    pub const OUT: Rgb = Rgb(0xd9, 0x6c, 0x06);
    pub const OUT_LIGHT: Rgb = Rgb(0xfc, 0xec, 0xdc);
    pub const CARE: Rgb = Rgb(0xc2, 0x3b, 0x5a);
    pub const COMMUNITY: Rgb = Rgb(0x1f, 0x6f, 0xb2);
    pub const COMMUNITY_LIGHT: Rgb = Rgb(0x8d, 0xb9, 0xe0);
    pub const LEARNING: Rgb = Rgb(0x3f, 0x9b, 0x4a);
    pub const LEARNING_DARK: Rgb = Rgb(0x6b, 0x4f, 0x2a);
    pub const PRACTICAL: Rgb = Rgb(0x55, 0x5f, 0x6d);
    pub const PRACTICAL_HEAD: Rgb = Rgb(0x8a, 0x5a, 0x2b);
}

/// One path command, coordinates in the 24x24 box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cmd {
    Move(f32, f32),
    Line(f32, f32),
    /// Cubic Bézier: two control points, then the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

/// How a layer is painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    Fill(Rgb),
    /// Stroked with round caps and joins; width in box units.
    Stroke(Rgb, f32),
}

/// One painted path of a pictogram; layers are drawn in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub paint: Paint,
    pub path: Vec<Cmd>,
}

/// Which pictogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pictogram {
    Work(WorkKind),
    /// Hours that came in: an arrow into a tray.
    In,
    /// Hours that went out: an arrow out of a tray.
    Out,
    BalancePositive,
    BalanceNegative,
    /// A balance of exactly zero: a grey "equals" badge, neither plus nor minus.
    BalanceZero,
    /// Hours given without work: a wrapped present.
    Gift,
    /// The community fund: a jar with hours in it.
    Fund,
    /// A request waiting for an answer: an hourglass.
    Waiting,
    /// Something to read: a round badge with an exclamation mark (orange:
    /// a soft limit is allowed, not an alarm).
    Notice,
}

impl Pictogram {
    /// Every pictogram, for tests and for a CSS sprite if ever needed.
    pub const ALL: [Pictogram; 13] = [
        Pictogram::Work(WorkKind::Care),
        Pictogram::Work(WorkKind::Community),
        Pictogram::Work(WorkKind::SelfDevelopment),
        Pictogram::Work(WorkKind::Practical),
        Pictogram::In,
        Pictogram::Out,
        Pictogram::BalancePositive,
        Pictogram::BalanceNegative,
        Pictogram::BalanceZero,
        Pictogram::Gift,
        Pictogram::Fund,
        Pictogram::Waiting,
        Pictogram::Notice,
    ];

    /// The pictogram for a balance: plus, minus, or a neutral "equals" for
    /// exactly zero.
    pub fn for_balance(balance_minor: i64) -> Pictogram {
        match balance_minor.signum() {
            1 => Pictogram::BalancePositive,
            -1 => Pictogram::BalanceNegative,
            _ => Pictogram::BalanceZero,
        }
    }

    /// The layers to draw, built once and shared.
    pub fn layers(self) -> &'static [Layer] {
        static ALL_LAYERS: OnceLock<Vec<Vec<Layer>>> = OnceLock::new();
        let all = ALL_LAYERS.get_or_init(|| Pictogram::ALL.iter().map(|p| p.build()).collect());
        let index = Pictogram::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or_default();
        &all[index]
    }

    fn build(self) -> Vec<Layer> {
        match self {
            Pictogram::Work(WorkKind::Care) => heart(),
            Pictogram::Work(WorkKind::Community) => people(),
            Pictogram::Work(WorkKind::SelfDevelopment) => sprout(),
            Pictogram::Work(WorkKind::Practical) => hammer(),
            Pictogram::In => tray_arrow(true),
            Pictogram::Out => tray_arrow(false),
            Pictogram::BalancePositive => balance_sign(true),
            Pictogram::BalanceNegative => balance_sign(false),
            Pictogram::BalanceZero => vec![
                fill(colors::MUTED, circle(12.0, 12.0, 10.5)),
                stroke(colors::WHITE, 2.6, polyline(&[(7.0, 9.6), (17.0, 9.6)])),
                stroke(colors::WHITE, 2.6, polyline(&[(7.0, 14.4), (17.0, 14.4)])),
            ],
            Pictogram::Gift => gift(),
            Pictogram::Fund => jar(),
            Pictogram::Waiting => hourglass(),
            Pictogram::Notice => vec![
                fill(colors::OUT, circle(12.0, 12.0, 10.5)),
                stroke(colors::WHITE, 3.0, polyline(&[(12.0, 6.2), (12.0, 13.4)])),
                fill(colors::WHITE, circle(12.0, 17.6, 1.7)),
            ],
        }
    }
}

/// The colour that stands for a kind of work (used for chips and legends).
pub fn work_color(work: WorkKind) -> Rgb {
    match work {
        WorkKind::Care => colors::CARE,
        WorkKind::Community => colors::COMMUNITY,
        WorkKind::SelfDevelopment => colors::LEARNING,
        WorkKind::Practical => colors::PRACTICAL,
    }
}

fn fill(color: Rgb, path: Vec<Cmd>) -> Layer {
    Layer {
        paint: Paint::Fill(color),
        path,
    }
}

fn stroke(color: Rgb, width: f32, path: Vec<Cmd>) -> Layer {
    Layer {
        paint: Paint::Stroke(color, width),
        path,
    }
}

/// A circle as four cubic arcs (the usual 0.5523 control-point factor), so
/// both renderers only ever see path commands.
pub fn circle(cx: f32, cy: f32, r: f32) -> Vec<Cmd> {
    let k = 0.552_284_8 * r;
    vec![
        Cmd::Move(cx + r, cy),
        Cmd::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Cmd::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Cmd::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        Cmd::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        Cmd::Close,
    ]
}

/// A closed polygon through the given points.
pub fn polygon(points: &[(f32, f32)]) -> Vec<Cmd> {
    let mut cmds = Vec::with_capacity(points.len() + 1);
    for (i, &(x, y)) in points.iter().enumerate() {
        cmds.push(if i == 0 {
            Cmd::Move(x, y)
        } else {
            Cmd::Line(x, y)
        });
    }
    cmds.push(Cmd::Close);
    cmds
}

/// An open line through the given points (for strokes).
fn polyline(points: &[(f32, f32)]) -> Vec<Cmd> {
    let mut cmds = polygon(points);
    cmds.pop();
    cmds
}

/// A person seen from the front: head and rounded shoulders.
fn person(cx: f32, head_y: f32, head_r: f32, width: f32, base_y: f32) -> Vec<Cmd> {
    let mut cmds = circle(cx, head_y, head_r);
    let half = width / 2.0;
    let top = head_y + head_r + 1.2;
    cmds.extend([
        Cmd::Move(cx - half, base_y),
        Cmd::Cubic(cx - half, top + 1.0, cx - half * 0.6, top, cx, top),
        Cmd::Cubic(
            cx + half * 0.6,
            top,
            cx + half,
            top + 1.0,
            cx + half,
            base_y,
        ),
        Cmd::Close,
    ]);
    cmds
}

/// Care: a heart.
fn heart() -> Vec<Layer> {
    let path = vec![
        Cmd::Move(12.0, 21.0),
        Cmd::Line(4.3, 13.3),
        Cmd::Cubic(1.6, 10.6, 2.2, 6.0, 5.7, 4.8),
        Cmd::Cubic(8.2, 4.0, 10.7, 5.1, 12.0, 7.3),
        Cmd::Cubic(13.3, 5.1, 15.8, 4.0, 18.3, 4.8),
        Cmd::Cubic(21.8, 6.0, 22.4, 10.6, 19.7, 13.3),
        Cmd::Close,
    ];
    vec![fill(colors::CARE, path)]
}

/// Community work: three people side by side, the middle one in front.
fn people() -> Vec<Layer> {
    vec![
        fill(colors::COMMUNITY_LIGHT, person(5.2, 8.2, 2.4, 8.4, 18.5)),
        fill(colors::COMMUNITY_LIGHT, person(18.8, 8.2, 2.4, 8.4, 18.5)),
        // A white outline separates the front person from the ones behind.
        stroke(colors::WHITE, 1.6, person(12.0, 7.0, 3.0, 10.0, 20.5)),
        fill(colors::COMMUNITY, person(12.0, 7.0, 3.0, 10.0, 20.5)),
    ]
}

/// Self-development: a sprout growing from the ground.
fn sprout() -> Vec<Layer> {
    let left_leaf = vec![
        Cmd::Move(12.0, 14.0),
        Cmd::Cubic(7.5, 14.0, 4.0, 11.2, 4.0, 6.8),
        Cmd::Cubic(8.6, 6.8, 12.0, 9.6, 12.0, 14.0),
        Cmd::Close,
    ];
    let right_leaf = vec![
        Cmd::Move(12.0, 11.5),
        Cmd::Cubic(12.0, 6.8, 15.2, 3.5, 20.0, 3.5),
        Cmd::Cubic(20.0, 8.3, 16.8, 11.5, 12.0, 11.5),
        Cmd::Close,
    ];
    vec![
        stroke(
            colors::LEARNING_DARK,
            2.2,
            polyline(&[(5.0, 20.5), (19.0, 20.5)]),
        ),
        stroke(
            colors::LEARNING,
            2.0,
            polyline(&[(12.0, 20.0), (12.0, 10.5)]),
        ),
        fill(colors::LEARNING, left_leaf),
        fill(colors::LEARNING, right_leaf),
    ]
}

/// Practical help: a hammer, handle from bottom left to the head top right.
fn hammer() -> Vec<Layer> {
    // The head is a rectangle across the handle's direction (45 degrees).
    let head = polygon(&[(13.0, 2.5), (21.5, 11.0), (18.0, 14.5), (9.5, 6.0)]);
    vec![
        stroke(
            colors::PRACTICAL_HEAD,
            3.0,
            polyline(&[(4.5, 19.5), (14.0, 10.0)]),
        ),
        fill(colors::PRACTICAL, head),
    ]
}

/// A tray with an arrow going into it (`inward`) or out of it.
fn tray_arrow(inward: bool) -> Vec<Layer> {
    let (color, shaft, head) = if inward {
        (
            colors::IN,
            [(12.0, 2.5), (12.0, 14.0)],
            [(7.5, 9.8), (12.0, 14.3), (16.5, 9.8)],
        )
    } else {
        (
            colors::OUT,
            [(12.0, 15.0), (12.0, 3.0)],
            [(7.5, 7.5), (12.0, 3.0), (16.5, 7.5)],
        )
    };
    let tray = polyline(&[(3.5, 13.5), (3.5, 20.5), (20.5, 20.5), (20.5, 13.5)]);
    vec![
        stroke(colors::MUTED, 2.2, tray),
        stroke(color, 2.6, polyline(&shaft)),
        stroke(color, 2.6, polyline(&head)),
    ]
}

/// A gift: a box with a ribbon and a bow.
fn gift() -> Vec<Layer> {
    vec![
        fill(
            colors::CARE,
            polygon(&[(4.0, 10.0), (20.0, 10.0), (20.0, 21.0), (4.0, 21.0)]),
        ),
        fill(
            colors::CARE,
            polygon(&[(2.5, 6.5), (21.5, 6.5), (21.5, 10.5), (2.5, 10.5)]),
        ),
        stroke(colors::WHITE, 2.2, polyline(&[(12.0, 6.5), (12.0, 21.0)])),
        stroke(
            colors::CARE,
            1.8,
            vec![
                Cmd::Move(12.0, 6.0),
                Cmd::Cubic(9.0, 1.5, 5.0, 3.0, 7.5, 6.0),
                Cmd::Move(12.0, 6.0),
                Cmd::Cubic(15.0, 1.5, 19.0, 3.0, 16.5, 6.0),
            ],
        ),
    ]
}

/// The community fund: a jar, its lid, and the hours inside (two coins).
fn jar() -> Vec<Layer> {
    let body = vec![
        Cmd::Move(6.5, 7.0),
        Cmd::Line(17.5, 7.0),
        Cmd::Cubic(20.5, 9.5, 20.5, 18.0, 18.5, 21.0),
        Cmd::Line(5.5, 21.0),
        Cmd::Cubic(3.5, 18.0, 3.5, 9.5, 6.5, 7.0),
        Cmd::Close,
    ];
    vec![
        fill(colors::COMMUNITY_LIGHT, body),
        fill(
            colors::COMMUNITY,
            polygon(&[(6.0, 3.0), (18.0, 3.0), (18.0, 6.5), (6.0, 6.5)]),
        ),
        fill(colors::IN, circle(9.5, 16.5, 2.6)),
        fill(colors::IN, circle(14.5, 13.5, 2.6)),
    ]
}

/// Waiting for an answer: an hourglass with sand in its lower half.
fn hourglass() -> Vec<Layer> {
    let glass = vec![
        Cmd::Move(6.5, 3.5),
        Cmd::Line(17.5, 3.5),
        Cmd::Cubic(17.5, 8.0, 12.8, 10.5, 12.8, 12.0),
        Cmd::Cubic(12.8, 13.5, 17.5, 16.0, 17.5, 20.5),
        Cmd::Line(6.5, 20.5),
        Cmd::Cubic(6.5, 16.0, 11.2, 13.5, 11.2, 12.0),
        Cmd::Cubic(11.2, 10.5, 6.5, 8.0, 6.5, 3.5),
        Cmd::Close,
    ];
    vec![
        stroke(colors::MUTED, 1.8, glass),
        fill(
            colors::OUT,
            polygon(&[(12.0, 15.0), (16.0, 19.5), (8.0, 19.5)]),
        ),
        stroke(colors::INK, 2.2, polyline(&[(4.5, 3.0), (19.5, 3.0)])),
        stroke(colors::INK, 2.2, polyline(&[(4.5, 21.0), (19.5, 21.0)])),
    ]
}

/// A round badge with a plus (positive) or minus (negative) sign.
fn balance_sign(positive: bool) -> Vec<Layer> {
    let color = if positive { colors::IN } else { colors::OUT };
    let mut layers = vec![
        fill(color, circle(12.0, 12.0, 10.5)),
        stroke(colors::WHITE, 3.0, polyline(&[(6.8, 12.0), (17.2, 12.0)])),
    ];
    if positive {
        layers.push(stroke(
            colors::WHITE,
            3.0,
            polyline(&[(12.0, 6.8), (12.0, 17.2)]),
        ));
    }
    layers
}

/// SVG path data ("M12 21L4.3 13.3C...Z") for a command list.
pub fn path_data(cmds: &[Cmd]) -> String {
    let mut d = String::new();
    for cmd in cmds {
        // Writing into a String cannot fail.
        let _ = match *cmd {
            Cmd::Move(x, y) => write!(d, "M{x} {y}"),
            Cmd::Line(x, y) => write!(d, "L{x} {y}"),
            Cmd::Cubic(x1, y1, x2, y2, x, y) => write!(d, "C{x1} {y1} {x2} {y2} {x} {y}"),
            Cmd::Close => write!(d, "Z"),
        };
    }
    d
}

/// The pictogram as a standalone inline `<svg>` element of `size_px` pixels.
/// The markup holds only numbers and colours from this module, never user
/// text, so it needs no escaping. `label` is not taken here on purpose: the
/// caller puts an accessible, escaped label next to it.
pub fn svg(pictogram: Pictogram, size_px: u32) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {BOX} {BOX}\" \
         width=\"{size_px}\" height=\"{size_px}\" aria-hidden=\"true\" class=\"picto\">"
    );
    for layer in pictogram.layers() {
        let d = path_data(&layer.path);
        let _ = match layer.paint {
            Paint::Fill(color) => write!(out, "<path d=\"{d}\" fill=\"{}\"/>", color.hex()),
            Paint::Stroke(color, width) => write!(
                out,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\" \
                 stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
                color.hex()
            ),
        };
    }
    out.push_str("</svg>");
    out
}
