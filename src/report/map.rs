//! The network map's geometry: a petgraph graph of the report's network,
//! placed by a deterministic force-directed layout, then pushed apart until
//! no two nodes (shape and label together) overlap.
//!
//! The layout is Fruchterman–Reingold with grid-limited repulsion (each node
//! only feels nodes in the neighbouring cells, so a step costs O(nodes +
//! edges), not O(nodes²)), a fixed number of steps and linear cooling.
//! Starting positions come from a hash of each account id, never from a
//! random generator, and every node's step is computed on its own in a
//! fixed order, so the same data gives the same drawing on any machine and
//! any number of threads. Only IEEE-exact operations (+, −, ×, ÷, √) are
//! used, so no libm difference can move a node.
//!
//! Units are points at the map's natural size, y down. Floats are for
//! geometry only; hours stay exact integers in the model.
//!
//! One file because the layout is one algorithm (graph, forces, overlap
//! removal, edges to draw) whose steps share the placed nodes.

use std::collections::HashMap;

use petgraph::graph::{NodeIndex, UnGraph};
use rayon::prelude::*;

use super::model::{AccountKind, NetEdge, Network};
use crate::statement::pdf::{measure, Weight};
use crate::statement::pictogram::{circle, colors, polygon, work_color, Cmd, Rgb};

/// Label sizes: people small, groups a little bigger and bold.
pub const PERSON_LABEL_SIZE: f32 = 6.5;
pub const GROUP_LABEL_SIZE: f32 = 7.5;
/// Space between a shape and its label, and around every node.
const LABEL_GAP: f32 = 2.0;
const NODE_PAD: f32 = 3.0;
/// Beyond this many edges only the strongest are drawn: a drawing of
/// every pair of a big community is a grey blot, not a map.
pub const EDGES_DRAWN_MAX: usize = 2500;
/// A map stays readable with about this many lines per node: over a long
/// period nearly everyone has met nearly everyone, and drawing every pair
/// makes a hairball. Each node's strongest tie is drawn whatever the
/// budget, so nobody who exchanged looks alone.
pub const EDGES_PER_NODE: usize = 3;
/// Beyond this many edges only the strongest pull in the layout: they
/// decide the shape, and a step stays cheap on a year of a big ledger.
pub const LAYOUT_EDGES_MAX: usize = 50_000;
const MARGIN: f32 = 12.0;

/// What the map's legend says, already in the reader's language.
#[derive(Debug, Clone)]
pub struct MapLegend {
    /// Each kind of work's name and colour.
    pub works: Vec<(String, Rgb)>,
    /// Each kind of account's name (drawn beside its shape).
    pub kinds: Vec<(AccountKind, String)>,
}

/// A node where it was placed.
#[derive(Debug, Clone)]
pub struct PlacedNode {
    pub account_id: String,
    pub kind: AccountKind,
    pub label: String,
    /// Centre of the shape.
    pub x: f32,
    pub y: f32,
    /// Half the shape's size (its radius for a circle).
    pub r: f32,
    pub label_size: f32,
    pub label_width: f32,
    /// Half width and height of the box around shape and label, and the
    /// box centre's offset below the shape centre.
    half_w: f32,
    half_h: f32,
    box_dy: f32,
}

impl PlacedNode {
    /// The box around shape and label: (left, top, right, bottom).
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let cy = self.y + self.box_dy;
        (
            self.x - self.half_w,
            cy - self.half_h,
            self.x + self.half_w,
            cy + self.half_h,
        )
    }

    /// The white box behind a label, so lines under it do not hide it:
    /// (left, top, width, height).
    pub fn label_box(&self) -> (f32, f32, f32, f32) {
        let top = self.y + self.r + LABEL_GAP - 0.5;
        (
            self.x - self.label_width / 2.0 - 1.5,
            top,
            self.label_width + 3.0,
            self.label_size + 1.0,
        )
    }

    /// Baseline of the label, centred under the shape.
    pub fn label_baseline(&self) -> f32 {
        self.y + self.r + LABEL_GAP + self.label_size * 0.8
    }
}

/// An edge to draw, between two placed nodes.
#[derive(Debug, Clone)]
pub struct PlacedEdge {
    pub a: usize,
    pub b: usize,
    pub hours_minor: i64,
    pub width: f32,
    pub color: Rgb,
    pub system: bool,
}

#[derive(Debug, Clone)]
pub struct MapLayout {
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<PlacedNode>,
    /// Thinnest first, so strong ties are drawn on top.
    pub edges: Vec<PlacedEdge>,
    /// Every edge of the network, drawn or not.
    pub edges_total: usize,
}

/// Places the network. Deterministic: the same network gives the same layout.
pub fn layout(network: &Network) -> MapLayout {
    let mut nodes = sized_nodes(network);
    let graph = graph_of(network, &nodes);
    let mut points = initial_points(&nodes);
    force_layout(&graph, &mut points, &nodes);
    for (node, (x, y)) in nodes.iter_mut().zip(&points) {
        node.x = *x as f32;
        node.y = *y as f32;
    }
    remove_overlaps(&mut nodes);
    let (width, height) = normalise(&mut nodes);
    let edges = drawn_edges(network, &nodes);
    MapLayout {
        width,
        height,
        nodes,
        edges,
        edges_total: network.edges.len(),
    }
}

/// Shape size grows with the hours a node moved; labels are measured with
/// the fonts the PDF embeds.
fn sized_nodes(network: &Network) -> Vec<PlacedNode> {
    let max_hours = network
        .nodes
        .iter()
        .map(|n| n.hours_minor)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    network
        .nodes
        .iter()
        .map(|node| {
            let share = (node.hours_minor.max(0) as f32 / max_hours).sqrt();
            let (base, grow) = match node.kind {
                AccountKind::Person => (4.5, 5.0),
                AccountKind::Initiative => (9.0, 6.0),
                AccountKind::Partner => (8.0, 5.0),
                AccountKind::System => (7.0, 3.0),
            };
            let LabelStyle { size, weight, .. } = label_style(node.kind);
            let r = base + grow * share;
            let label_width = measure(&node.label, weight, size, false);
            let height = 2.0 * r + LABEL_GAP + size;
            PlacedNode {
                account_id: node.account_id.clone(),
                kind: node.kind,
                label: node.label.clone(),
                x: 0.0,
                y: 0.0,
                r,
                label_size: size,
                label_width,
                half_w: (2.0 * r).max(label_width) / 2.0 + NODE_PAD,
                half_h: height / 2.0 + NODE_PAD,
                box_dy: height / 2.0 - r,
            }
        })
        .collect()
}

/// The network as a petgraph graph: node weights are indexes into the
/// node list, edge weights the pull of the edge (0.5 to 1, more hours pull harder).
fn graph_of(network: &Network, nodes: &[PlacedNode]) -> UnGraph<usize, f64> {
    let mut graph = UnGraph::with_capacity(nodes.len(), network.edges.len());
    let index: HashMap<&str, NodeIndex> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.account_id.as_str(), graph.add_node(i)))
        .collect();
    let max_hours = network
        .edges
        .iter()
        .map(|e| e.hours_minor)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for edge in strongest(&network.edges, LAYOUT_EDGES_MAX) {
        if let (Some(a), Some(b)) = (index.get(edge.a.as_str()), index.get(edge.b.as_str())) {
            let pull = 0.5 + 0.5 * (edge.hours_minor.max(0) as f64 / max_hours).sqrt();
            graph.add_edge(*a, *b, pull);
        }
    }
    graph
}

/// FNV-1a: a fixed hash, so starting positions never depend on the
/// process, the platform or the Rust version.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The side of the square the nodes are first spread over: room for every
/// node's box about three times over.
fn frame_side(nodes: &[PlacedNode]) -> f64 {
    let area: f64 = nodes
        .iter()
        .map(|n| f64::from(4.0 * n.half_w * n.half_h))
        .sum();
    (area * 3.0).sqrt().max(100.0)
}

fn initial_points(nodes: &[PlacedNode]) -> Vec<(f64, f64)> {
    let side = frame_side(nodes);
    nodes
        .iter()
        .map(|node| {
            let hash = fnv1a(&node.account_id);
            let unit = |bits: u64| (bits & 0xffff_ffff) as f64 / f64::from(u32::MAX) - 0.5;
            (unit(hash) * side, unit(hash >> 32) * side)
        })
        .collect()
}

/// Steps of the layout: more for small maps, where each step is cheap.
fn step_count(nodes: usize) -> usize {
    if nodes <= 400 {
        400
    } else {
        120
    }
}

/// Fruchterman–Reingold with grid-limited repulsion and a pull to the
/// centre (so members without exchanges stay near the others).
fn force_layout(graph: &UnGraph<usize, f64>, points: &mut [(f64, f64)], nodes: &[PlacedNode]) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let side = frame_side(nodes);
    let k = (side * side / n as f64).sqrt() * 0.75;
    let neighbours = adjacency(graph, n);
    let steps = step_count(n);
    for step in 0..steps {
        let temperature = side / 10.0 * (1.0 - step as f64 / steps as f64) + k / 50.0;
        let grid = Grid::new(points, 2.0 * k);
        let moves: Vec<(f64, f64)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let (mut dx, mut dy) = repulsion(i, points, &grid, k);
                let (ax, ay) = attraction(i, points, &neighbours[i], k);
                let (px, py) = points[i];
                // A gentle pull to the centre, weaker than any tie.
                dx += ax - px * 0.02;
                dy += ay - py * 0.02;
                limit((dx, dy), temperature)
            })
            .collect();
        for (point, (mx, my)) in points.iter_mut().zip(moves) {
            point.0 += mx;
            point.1 += my;
        }
    }
}

/// Each node's neighbours with the pull of the edge, in graph order.
fn adjacency(graph: &UnGraph<usize, f64>, n: usize) -> Vec<Vec<(usize, f64)>> {
    let mut neighbours = vec![Vec::new(); n];
    for edge in graph.raw_edges() {
        let (a, b) = (graph[edge.source()], graph[edge.target()]);
        neighbours[a].push((b, edge.weight));
        neighbours[b].push((a, edge.weight));
    }
    neighbours
}

/// Nodes bucketed in square cells, for neighbour look-ups.
struct Grid {
    cell: f64,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl Grid {
    fn new(points: &[(f64, f64)], cell: f64) -> Grid {
        let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, p) in points.iter().enumerate() {
            cells.entry(Grid::key(*p, cell)).or_default().push(i);
        }
        Grid { cell, cells }
    }

    fn key(p: (f64, f64), cell: f64) -> (i64, i64) {
        ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64)
    }

    /// Nodes in the cell of `p` and the eight around it, in a fixed order.
    fn near(&self, p: (f64, f64)) -> impl Iterator<Item = usize> + '_ {
        let (cx, cy) = Grid::key(p, self.cell);
        (-1..=1)
            .flat_map(move |gy| (-1..=1).map(move |gx| (cx + gx, cy + gy)))
            .flat_map(|key| self.cells.get(&key).into_iter().flatten().copied())
    }
}

fn repulsion(i: usize, points: &[(f64, f64)], grid: &Grid, k: f64) -> (f64, f64) {
    let (x, y) = points[i];
    let (mut fx, mut fy) = (0.0, 0.0);
    for j in grid.near(points[i]) {
        if j == i {
            continue;
        }
        let (mut dx, mut dy) = (x - points[j].0, y - points[j].1);
        if dx == 0.0 && dy == 0.0 {
            // Two nodes on one spot: part them by their order.
            dx = if i < j { -0.01 } else { 0.01 };
            dy = 0.01;
        }
        let distance_sq = dx * dx + dy * dy;
        if distance_sq < 4.0 * k * k {
            // k² / d along the unit vector: k² · (dx, dy) / d².
            fx += k * k * dx / distance_sq;
            fy += k * k * dy / distance_sq;
        }
    }
    (fx, fy)
}

fn attraction(i: usize, points: &[(f64, f64)], neighbours: &[(usize, f64)], k: f64) -> (f64, f64) {
    let (x, y) = points[i];
    let (mut fx, mut fy) = (0.0, 0.0);
    for &(j, pull) in neighbours {
        let (dx, dy) = (points[j].0 - x, points[j].1 - y);
        let distance = (dx * dx + dy * dy).sqrt();
        // d² / k along the unit vector: d · (dx, dy) / k.
        fx += pull * distance * dx / k;
        fy += pull * distance * dy / k;
    }
    // Many ties must not fling a node across the map in one step.
    let degree = neighbours.len().max(1) as f64;
    let damping = if degree > 8.0 { 8.0 / degree } else { 1.0 };
    (fx * damping, fy * damping)
}

fn limit((dx, dy): (f64, f64), temperature: f64) -> (f64, f64) {
    let length = (dx * dx + dy * dy).sqrt();
    if length <= temperature || length == 0.0 {
        return (dx, dy);
    }
    (dx / length * temperature, dy / length * temperature)
}

/// Rounds of pushing overlapping boxes apart; if some still overlap after
/// a round, every position is spread a little from the centre and the
/// next round starts. Spreading alone separates any two distinct points,
/// so this ends with no overlap.
fn remove_overlaps(nodes: &mut [PlacedNode]) {
    spread_to_density(nodes);
    for _round in 0..40 {
        for _pass in 0..30 {
            if push_apart(nodes) == 0 {
                return;
            }
        }
        spread(nodes, 1.15);
    }
}

/// Scales positions so that the boxes fill at most half the bounding area:
/// a tight cluster from the forces would otherwise cost many passes.
fn spread_to_density(nodes: &mut [PlacedNode]) {
    let boxes: f32 = nodes.iter().map(|n| 4.0 * n.half_w * n.half_h).sum();
    let (left, top, right, bottom) = extent(nodes);
    let area = ((right - left) * (bottom - top)).max(1.0);
    if area < boxes * 2.0 {
        spread(nodes, (boxes * 2.0 / area).sqrt());
    }
}

fn spread(nodes: &mut [PlacedNode], factor: f32) {
    for node in nodes.iter_mut() {
        node.x *= factor;
        node.y *= factor;
    }
}

/// One pass: each overlapping pair is moved apart along the axis where the
/// overlap is smaller, half each. Pairs are visited in a fixed order.
/// Returns how many overlapping pairs it found.
fn push_apart(nodes: &mut [PlacedNode]) -> usize {
    let cell = nodes
        .iter()
        .map(|n| 2.0 * n.half_w.max(n.half_h))
        .fold(1.0_f32, f32::max) as f64;
    let centres: Vec<(f64, f64)> = nodes
        .iter()
        .map(|n| (f64::from(n.x), f64::from(n.y + n.box_dy)))
        .collect();
    let grid = Grid::new(&centres, cell);
    let mut found = 0;
    for (i, centre) in centres.iter().enumerate() {
        let mut near: Vec<usize> = grid.near(*centre).filter(|j| *j > i).collect();
        near.sort_unstable();
        for j in near {
            if separate(nodes, i, j) {
                found += 1;
            }
        }
    }
    found
}

/// Moves nodes `i` and `j` apart if their boxes overlap; true if they did.
fn separate(nodes: &mut [PlacedNode], i: usize, j: usize) -> bool {
    let (a, b) = (nodes[i].bounds(), nodes[j].bounds());
    let overlap_x = a.2.min(b.2) - a.0.max(b.0);
    let overlap_y = a.3.min(b.3) - a.1.max(b.1);
    if overlap_x <= 0.0 || overlap_y <= 0.0 {
        return false;
    }
    let (ax, ay) = ((a.0 + a.2) / 2.0, (a.1 + a.3) / 2.0);
    let (bx, by) = ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
    // Ties (same centre) go by index, so the result never depends on chance.
    if overlap_x < overlap_y {
        let sign = if ax < bx || (ax == bx && i < j) {
            1.0
        } else {
            -1.0
        };
        let shift = overlap_x / 2.0 + 0.01;
        nodes[i].x -= sign * shift;
        nodes[j].x += sign * shift;
    } else {
        let sign = if ay < by || (ay == by && i < j) {
            1.0
        } else {
            -1.0
        };
        let shift = overlap_y / 2.0 + 0.01;
        nodes[i].y -= sign * shift;
        nodes[j].y += sign * shift;
    }
    true
}

/// The smallest box around every node's box.
fn extent(nodes: &[PlacedNode]) -> (f32, f32, f32, f32) {
    nodes
        .iter()
        .map(PlacedNode::bounds)
        .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |e, b| {
            (e.0.min(b.0), e.1.min(b.1), e.2.max(b.2), e.3.max(b.3))
        })
}

/// Moves the drawing to start at the margin; returns its size. Positions
/// are rounded to a hundredth of a point so the SVG text is stable.
fn normalise(nodes: &mut [PlacedNode]) -> (f32, f32) {
    if nodes.is_empty() {
        return (2.0 * MARGIN, 2.0 * MARGIN);
    }
    let (left, top, right, bottom) = extent(nodes);
    for node in nodes.iter_mut() {
        node.x = round2(node.x - left + MARGIN);
        node.y = round2(node.y - top + MARGIN);
    }
    (
        round2(right - left + 2.0 * MARGIN),
        round2(bottom - top + 2.0 * MARGIN),
    )
}

fn round2(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// The edges to draw: all of them when they fit the budget (see
/// `EDGES_PER_NODE`); otherwise each node's strongest tie, then the
/// strongest others up to the budget.
fn drawn_edges(network: &Network, nodes: &[PlacedNode]) -> Vec<PlacedEdge> {
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.account_id.as_str(), i))
        .collect();
    let budget = (nodes.len() * EDGES_PER_NODE).clamp(1, EDGES_DRAWN_MAX);
    let edges = readable(&network.edges, budget);
    let max_hours = edges.first().map_or(1, |e| e.hours_minor.max(1)) as f32;
    let mut placed: Vec<PlacedEdge> = edges
        .iter()
        .filter_map(|edge| {
            let (a, b) = (*index.get(edge.a.as_str())?, *index.get(edge.b.as_str())?);
            let width = round2(0.6 + 3.4 * (edge.hours_minor.max(0) as f32 / max_hours).sqrt());
            let color = if edge.system {
                colors::MUTED
            } else {
                work_color(edge.main_work)
            };
            Some(PlacedEdge {
                a,
                b,
                hours_minor: edge.hours_minor,
                width,
                color,
                system: edge.system,
            })
        })
        .collect();
    placed.reverse();
    placed
}

/// At most `budget` edges, strongest first: every node's strongest tie,
/// then the strongest of the rest. Stable for equal hours.
fn readable(edges: &[NetEdge], budget: usize) -> Vec<&NetEdge> {
    let ranked = strongest(edges, usize::MAX);
    if ranked.len() <= budget {
        return ranked;
    }
    let mut chosen = vec![false; ranked.len()];
    let mut tied: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, edge) in ranked.iter().enumerate() {
        // Strongest first, so the first edge that reaches a node is its strongest tie.
        if !tied.contains(edge.a.as_str()) || !tied.contains(edge.b.as_str()) {
            chosen[i] = true;
            tied.insert(&edge.a);
            tied.insert(&edge.b);
        }
    }
    let mut left = budget.saturating_sub(chosen.iter().filter(|c| **c).count());
    for flag in chosen.iter_mut().filter(|c| !**c) {
        if left == 0 {
            break;
        }
        *flag = true;
        left -= 1;
    }
    ranked
        .into_iter()
        .zip(chosen)
        .filter_map(|(edge, keep)| keep.then_some(edge))
        .collect()
}

/// The `limit` edges with the most hours, strongest first; equal hours
/// keep the network's order (by the pair's ids), so the choice is stable.
fn strongest(edges: &[NetEdge], limit: usize) -> Vec<&NetEdge> {
    let mut edges: Vec<&NetEdge> = edges.iter().collect();
    edges.sort_by_key(|edge| std::cmp::Reverse(edge.hours_minor));
    edges.truncate(limit);
    edges
}

/// The shape of a node, as path commands around its centre.
pub fn node_shape(node: &PlacedNode) -> Vec<Cmd> {
    kind_shape(node.kind, node.x, node.y, node.r)
}

/// The shape of an account of `kind` centred on (x, y) with half size `r`:
/// the map's nodes and its legend draw the same shapes.
pub fn kind_shape(kind: AccountKind, x: f32, y: f32, r: f32) -> Vec<Cmd> {
    match kind {
        AccountKind::Person => circle(x, y, r),
        AccountKind::Initiative => {
            // A hexagon with flat top and bottom; √3/2 ≈ 0.866.
            let h = r * 0.866;
            polygon(&[
                (x - r, y),
                (x - r / 2.0, y - h),
                (x + r / 2.0, y - h),
                (x + r, y),
                (x + r / 2.0, y + h),
                (x - r / 2.0, y + h),
            ])
        }
        AccountKind::Partner => polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)]),
        AccountKind::System => {
            let s = r * 0.8;
            polygon(&[
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ])
        }
    }
}

/// Fill and outline colours of a node's shape.
pub fn node_colors(kind: AccountKind) -> (Rgb, Rgb) {
    match kind {
        AccountKind::Person => (colors::WHITE, colors::INK),
        AccountKind::Initiative => (colors::INK, colors::INK),
        AccountKind::Partner => (colors::MUTED, colors::INK),
        AccountKind::System => (colors::RULE, colors::MUTED),
    }
}

/// How a node's label is written: people small, regular and muted;
/// initiatives and partners a little bigger and bold, in ink; the system
/// account bold but muted. The layout measures labels with it and the SVG
/// and PDF draw them with it, so what is drawn is what was measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
}

pub fn label_style(kind: AccountKind) -> LabelStyle {
    let (size, weight, color) = match kind {
        AccountKind::Person => (PERSON_LABEL_SIZE, Weight::Regular, colors::MUTED),
        AccountKind::Initiative | AccountKind::Partner => {
            (GROUP_LABEL_SIZE, Weight::Bold, colors::INK)
        }
        AccountKind::System => (GROUP_LABEL_SIZE, Weight::Bold, colors::MUTED),
    };
    LabelStyle {
        size,
        weight,
        color,
    }
}

/// A path command with every point moved by `f` (the SVG rounds them, the
/// PDF places them on the page).
pub fn map_points(cmd: Cmd, f: impl Fn(f32, f32) -> (f32, f32)) -> Cmd {
    match cmd {
        Cmd::Move(x, y) => {
            let (x, y) = f(x, y);
            Cmd::Move(x, y)
        }
        Cmd::Line(x, y) => {
            let (x, y) = f(x, y);
            Cmd::Line(x, y)
        }
        Cmd::Cubic(x1, y1, x2, y2, x, y) => {
            let ((x1, y1), (x2, y2), (x, y)) = (f(x1, y1), f(x2, y2), f(x, y));
            Cmd::Cubic(x1, y1, x2, y2, x, y)
        }
        Cmd::Close => Cmd::Close,
    }
}

/// Pairs of nodes whose boxes overlap (for tests and a final check).
pub fn overlapping_pairs(layout: &MapLayout) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for i in 0..layout.nodes.len() {
        for j in i + 1..layout.nodes.len() {
            let (a, b) = (layout.nodes[i].bounds(), layout.nodes[j].bounds());
            if a.2.min(b.2) > a.0.max(b.0) && a.3.min(b.3) > a.1.max(b.1) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{NetEdge, NetNode, WorkKind};

    fn network(people: usize, ring: bool) -> Network {
        let nodes: Vec<NetNode> = (0..people)
            .map(|i| NetNode {
                account_id: format!("M{i:03}"),
                kind: if i % 10 == 0 {
                    AccountKind::Initiative
                } else {
                    AccountKind::Person
                },
                label: format!("M{i:03}"),
                hours_minor: 100 * (i as i64 % 7),
            })
            .collect();
        let edges = (0..people)
            .filter(|i| ring || i % 3 == 0)
            .map(|i| NetEdge {
                a: format!("M{:03}", i.min((i + 1) % people)),
                b: format!("M{:03}", i.max((i + 1) % people)),
                hours_minor: 50 * (i as i64 % 5 + 1),
                exchanges: 1,
                main_work: WorkKind::Care,
                system: false,
            })
            .collect();
        Network { nodes, edges }
    }

    #[test]
    fn no_two_nodes_overlap() {
        for (people, ring) in [(1, true), (2, true), (12, false), (60, true), (300, false)] {
            let layout = layout(&network(people, ring));
            assert!(
                overlapping_pairs(&layout).is_empty(),
                "{people} nodes: {:?}",
                overlapping_pairs(&layout)
            );
            for node in &layout.nodes {
                let (l, t, r, b) = node.bounds();
                assert!(l >= 0.0 && t >= 0.0 && r <= layout.width && b <= layout.height);
            }
        }
    }

    #[test]
    fn the_same_network_gives_the_same_layout() {
        let first = layout(&network(80, true));
        let second = layout(&network(80, true));
        let points = |l: &MapLayout| {
            l.nodes
                .iter()
                .map(|n| (n.x.to_bits(), n.y.to_bits()))
                .collect::<Vec<_>>()
        };
        assert_eq!(points(&first), points(&second));
    }

    #[test]
    fn nodes_on_one_spot_are_parted() {
        let mut nodes = sized_nodes(&network(3, false));
        remove_overlaps(&mut nodes);
        let layout = MapLayout {
            width: 0.0,
            height: 0.0,
            nodes,
            edges: Vec::new(),
            edges_total: 0,
        };
        assert!(overlapping_pairs(&layout).is_empty());
    }

    #[test]
    fn a_dense_map_draws_each_nodes_strongest_tie_and_the_strongest_others() {
        // Twelve people who all met each other: 66 pairs, a budget of 36.
        let mut net = network(12, false);
        net.edges = Vec::new();
        for a in 0..12usize {
            for b in a + 1..12 {
                net.edges.push(NetEdge {
                    a: format!("M{a:03}"),
                    b: format!("M{b:03}"),
                    hours_minor: (a * 12 + b) as i64 * 10,
                    exchanges: 1,
                    main_work: WorkKind::Care,
                    system: false,
                });
            }
        }
        let nodes = sized_nodes(&net);
        let drawn = drawn_edges(&net, &nodes);
        assert_eq!(drawn.len(), 12 * EDGES_PER_NODE);
        for i in 0..12 {
            let strongest = net
                .edges
                .iter()
                .filter(|e| e.a == format!("M{i:03}") || e.b == format!("M{i:03}"))
                .map(|e| e.hours_minor)
                .max()
                .unwrap();
            assert!(
                drawn.iter().any(|e| e.hours_minor == strongest),
                "M{i:03}'s strongest tie is drawn"
            );
        }
    }

    #[test]
    fn only_the_strongest_edges_are_drawn_on_a_big_map() {
        let mut net = network(EDGES_DRAWN_MAX, true);
        net.edges = (0..EDGES_DRAWN_MAX + 10)
            .map(|i| NetEdge {
                a: "M000".into(),
                b: "M001".into(),
                hours_minor: i as i64 + 1,
                exchanges: 1,
                main_work: WorkKind::Care,
                system: false,
            })
            .collect();
        let nodes = sized_nodes(&net);
        let drawn = drawn_edges(&net, &nodes);
        assert_eq!(drawn.len(), EDGES_DRAWN_MAX);
        assert_eq!(
            drawn.last().map(|e| e.hours_minor),
            Some(EDGES_DRAWN_MAX as i64 + 10)
        );
        assert_eq!(drawn.first().map(|e| e.hours_minor), Some(11));
    }
}
