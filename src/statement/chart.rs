//! Geometry of the 12-month balance chart, shared by the HTML (SVG) and PDF
//! renderers so both draw the same bars. The text renderer draws its own
//! character bars from the same scale.
//!
//! Coordinates are in a box `width` x `height`, y down. Bars grow up from a
//! zero line for a positive closing balance and down from it for a
//! negative one.

use super::model::MonthPoint;

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub negative: bool,
    /// The month the bar stands for, for its label.
    pub month: u32,
    pub closing_minor: i64,
    /// Centre of the bar, where its label goes.
    pub center_x: f32,
}

/// The bars and the zero line's y position.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub bars: Vec<Bar>,
    pub zero_y: f32,
}

/// The highest and lowest value the scale must show; zero is always inside
/// so bars have a common base, and one hour is the smallest range so a
/// quiet year does not look dramatic.
pub fn value_range(history: &[MonthPoint]) -> (i64, i64) {
    let values: Vec<i64> = history.iter().map(|p| p.closing_minor).collect();
    values_range(&values)
}

/// [`value_range`] for any series of amounts in hundredths.
pub fn values_range(values: &[i64]) -> (i64, i64) {
    let max = values.iter().copied().max().unwrap_or(0).max(0);
    let min = values.iter().copied().min().unwrap_or(0).min(0);
    if max - min < 100 {
        (max.max(100), min)
    } else {
        (max, min)
    }
}

impl Chart {
    /// The same bars in the other order across a box `width` wide: on a
    /// right-to-left page time runs from right to left, so the oldest
    /// month is on the right and this month on the left.
    pub fn mirrored(mut self, width: f32) -> Chart {
        for bar in &mut self.bars {
            bar.x = width - bar.x - bar.width;
            bar.center_x = width - bar.center_x;
        }
        self
    }
}

/// Lays out one bar per month across `width`, leaving a gap between bars.
pub fn layout(history: &[MonthPoint], width: f32, height: f32) -> Chart {
    let values: Vec<i64> = history.iter().map(|p| p.closing_minor).collect();
    let mut chart = bars(&values, width, height);
    for (bar, point) in chart.bars.iter_mut().zip(history) {
        bar.month = point.month;
    }
    chart
}

/// One bar per value (hundredths) across `width`: the statement's balance
/// chart and the community report's charts share this geometry. Bars made
/// here carry no month (month 0) until `layout` sets it.
pub fn bars(values: &[i64], width: f32, height: f32) -> Chart {
    let (max, min) = values_range(values);
    // i64 hundredths to f32 loses nothing visible at chart scale.
    let span = (max - min) as f32;
    let zero_y = height * max as f32 / span;
    let count = values.len().max(1) as f32;
    let slot = width / count;
    let bar_width = slot * 0.62;
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, &minor)| {
            let value = minor as f32;
            let bar_height = (value.abs() / span * height).max(0.6);
            let x = slot * i as f32 + (slot - bar_width) / 2.0;
            let negative = minor < 0;
            Bar {
                x,
                y: if negative {
                    zero_y
                } else {
                    zero_y - bar_height
                },
                width: bar_width,
                height: bar_height,
                negative,
                month: 0,
                closing_minor: minor,
                center_x: x + bar_width / 2.0,
            }
        })
        .collect();
    Chart { bars, zero_y }
}

/// Where the balance, zero, sit on a bar from floor (0.0) to ceiling (1.0):
/// (balance position, zero position), both clamped to the bar, so an
/// overridden balance beyond a limit still shows at the bar's end.
pub fn limits_gauge(floor_minor: i64, ceiling_minor: i64, balance_minor: i64) -> (f32, f32) {
    let span = (ceiling_minor - floor_minor).max(1) as f32;
    let at = |value: i64| ((value - floor_minor) as f32 / span).clamp(0.0, 1.0);
    (at(balance_minor), at(0))
}
