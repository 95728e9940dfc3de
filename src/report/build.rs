//! The report measured from its inputs, part by part: the scorecard and
//! its trend, each platform's figures and the totals, the posts by name,
//! the calendar against the exports, attribution, money, peers, the team,
//! and the problems met on the way.

use super::data::{Inputs, Period, PeriodData, PlacedPost, RowSource};
use super::reconcile::{Joined, Placement};
use super::{
    Attribution, INTERACTION_METRICS, KpiResult, MissingItem, PLATFORM_METRICS, PlannedRef,
    PlatformResult, PostRef, Records, Report, Request, SourceRef, WORK_METRICS, figures, measures,
    money, peers, summary, team,
};
use crate::exports::{Imported, Problem};
use crate::plan::metrics::{Metric, Unit};
use crate::plan::model::Plan;
use crate::plan::model::goals::{Baseline, Goal, Kpi, Target};
use crate::text::names::Names;
use figures::Figure;
use std::collections::HashSet;

/// Builds the report asked for (exports already read for its period, the
/// period compared with and the trend).
pub fn build(
    plan: &Plan,
    imported: &Imported,
    records: &Records,
    request: &Request,
    extra_problems: &[Problem],
) -> Report {
    let inputs =
        Inputs::new(plan, imported, records.followers, plan.time_zone()).with_records(records.own);
    let period = &request.period;
    let (kpis, trend) = scorecard(&inputs, request);
    let (all, placements, joined, posts) = inputs.period_data(period, &all_platforms(plan));
    let platforms = platform_results(&inputs, period, &placements);
    let totals: Vec<Figure> = PLATFORM_METRICS
        .iter()
        .chain(&WORK_METRICS)
        .map(|&m| figures::compute(m, &all))
        .collect();
    let listed = Listed {
        inputs: &inputs,
        placements: &placements,
        joined: &joined,
        posts: &posts,
    };
    let mut money_problems = Vec::new();
    let money = records.ads.and_then(|ads| {
        let results = results(&inputs, &all, &totals, &kpis);
        money::money(plan, ads, period, &results, &mut money_problems)
    });
    inputs.forget_texts();
    let previous = request.compared();
    let mut report = Report {
        organisation: plan.settings.as_ref().map_or_else(String::new, |s| {
            s.data.organisation.name.primary().to_string()
        }),
        period: period.label.clone(),
        from: period.from.to_string(),
        hijri: [period.from, period.to]
            .map(|d| crate::text::dates::to_hijri(d).map_or_else(String::new, |h| h.to_string()))
            .join(" – "),
        to: period.to.to_string(),
        previous_period: previous.label.clone(),
        compared_with: request.compare,
        kind: period.kind_name(),
        kpis,
        platforms,
        interactions: INTERACTION_METRICS
            .iter()
            .map(|&m| figures::compute(m, &all))
            .collect(),
        totals,
        top_posts: listed.top_posts(),
        unplanned_posts: listed.unplanned(),
        missing_items: listed.missing(),
        platforms_without_exports: listed.without_exports(),
        unverifiable_items: listed.unverifiable(),
        attribution: listed.attribution(),
        joined_by_link: joined.by_link,
        joined_by_text: joined.by_text,
        joined_by_time: joined.by_time,
        files: imported
            .files
            .iter()
            .map(|f| format!("{} ({})", f.path, f.format.id))
            .collect(),
        problems: problems(&inputs, records, &[&money_problems, extra_problems]),
        trend,
        team: team::review(plan, period, request.now(), records.history),
        money,
        peers: records
            .peers
            .and_then(|read| peers::peers(&inputs, read, period, request.as_of())),
        occasions: Vec::new(),
        summary: Vec::new(),
    };
    report.occasions = super::occasions::results(plan, period, &report.attribution);
    report.summary = summary::of(&report);
    report
}

/// Every platform of the plan.
fn all_platforms(plan: &Plan) -> Vec<String> {
    plan.platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .map(|p| p.id.value.clone())
        .collect()
}

/// Each KPI measured, and each one's values by month for the trend.
type Trend = Vec<(String, String, Option<f64>)>;

fn scorecard(inputs: &Inputs, request: &Request) -> (Vec<KpiResult>, Trend) {
    let plan = inputs.plan;
    let period = &request.period;
    let trend_periods = super::trend_periods(plan, period);
    let mut kpis = Vec::new();
    let mut trend = Vec::new();
    for goal in plan.goals.iter().flat_map(|g| &g.data.goals) {
        for kpi in &goal.kpis {
            let result = kpi_result(inputs, request, goal, kpi);
            for p in &trend_periods {
                let value = if p == period {
                    result.figure.value
                } else {
                    super::kpi_value(inputs, kpi, p).0.value
                };
                trend.push((kpi.id.value.clone(), p.label.clone(), value));
            }
            kpis.push(result);
        }
    }
    (kpis, trend)
}

/// One KPI: its value over the days it is measured, against the period
/// compared with, its baseline and its target.
fn kpi_result(inputs: &Inputs, request: &Request, goal: &Goal, kpi: &Kpi) -> KpiResult {
    let (plan, period, previous) = (inputs.plan, &request.period, request.compared());
    let measured = super::kpi_period(kpi, period, request.as_of());
    let (figure, parts, by_platform) = super::kpi_value(inputs, kpi, &measured);
    let (previous_figure, ..) =
        super::kpi_value(inputs, kpi, &super::kpi_period(kpi, &previous, previous.to));
    let measure = plan.measure(&kpi.metric.value);
    // Judged where its value was measured: a KPI measured over the last
    // whole month, at that month's end.
    let (progress, expected, standing) =
        super::standing(kpi, figure.value, measured.to.min(request.as_of()));
    let baseline = kpi.baseline.as_ref().map(Baseline::value);
    let platforms = super::kpi_platforms(plan, kpi);
    KpiResult {
        goal: goal.id.value.clone(),
        goal_name: goal.name.clone(),
        kpi: kpi.id.value.clone(),
        name: kpi.name.clone(),
        metric: kpi.metric.value.clone(),
        unit: Metric::from_id(&kpi.metric.value).map_or(Unit::Count, Metric::unit),
        covers: if measure.is_some() {
            by_platform
                .iter()
                .map(|p| p.platform.clone())
                .filter(|p| p != measures::OTHER)
                .collect()
        } else {
            platforms
                .iter()
                .filter(|p| !figure.lacks.contains(p))
                .cloned()
                .collect()
        },
        platforms,
        change: figure.value.zip(previous_figure.value).map(|(a, b)| a - b),
        previous: previous_figure.value,
        since_baseline: super::since_baseline(figure.value, baseline),
        figure,
        baseline,
        baseline_at: kpi
            .baseline
            .as_ref()
            .and_then(|b| b.at.get().map(ToString::to_string)),
        target: kpi.target.as_ref().map(Target::value),
        progress,
        expected,
        standing,
        parts,
        from: match measure.and_then(|m| m.from.get()) {
            Some(crate::plan::model::measures::MeasureFrom::Manual) => "manual",
            Some(crate::plan::model::measures::MeasureFrom::Csv) => "csv",
            None => "exports",
        },
        by_platform,
        unit_name: measure.and_then(|m| m.unit.clone()),
        measured_over: (measured != *period).then(|| measured.label.clone()),
    }
}

/// Each platform's share of the planned placements, posts and figures.
#[allow(clippy::cast_precision_loss)]
fn platform_results(
    inputs: &Inputs,
    period: &Period,
    placements: &[Placement],
) -> Vec<PlatformResult> {
    inputs
        .plan
        .platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .map(|p| {
            let (data, ..) = inputs.period_data(period, std::slice::from_ref(&p.id.value));
            let planned = placements
                .iter()
                .filter(|x| x.platform_id == p.id.value)
                .count();
            PlatformResult {
                platform: p.id.value.clone(),
                kind: p.kind.raw.clone(),
                focus: p.focus.value,
                planned_share: (!placements.is_empty())
                    .then(|| planned as f64 * 100.0 / placements.len() as f64),
                posts: data
                    .platforms
                    .iter()
                    .map(|d| usize::try_from(d.totals.posts).unwrap_or(0))
                    .sum(),
                source: data
                    .platforms
                    .first()
                    .map_or(RowSource::Posts, |d| d.source),
                by_hand: by_hand(inputs, period, &p.id.value),
                figures: computed(&PLATFORM_METRICS, &data),
                interactions: computed(&INTERACTION_METRICS, &data),
            }
        })
        .collect()
}

fn computed(metrics: &[Metric], data: &PeriodData) -> Vec<Figure> {
    metrics.iter().map(|&m| figures::compute(m, data)).collect()
}

/// Of a platform's posts in the period, those whose figures were read by
/// hand in the calendar.
fn by_hand(inputs: &Inputs, period: &Period, platform: &str) -> usize {
    inputs
        .posts
        .iter()
        .filter(|placed| {
            placed.platform_id == platform
                && placed.date.is_some_and(|d| period.contains(d))
                && inputs.imported.files[placed.post.source.file].format.id
                    == crate::exports::by_hand::BY_HAND.id
        })
        .count()
}

/// What money is set against: the period's results, and each KPI counted
/// in the period.
#[allow(clippy::cast_precision_loss)]
fn results(
    inputs: &Inputs,
    all: &PeriodData,
    totals: &[Figure],
    kpis: &[KpiResult],
) -> money::Results {
    money::Results {
        engagements: super::figure_of(totals, Metric::Engagements),
        new_followers: super::figure_of(totals, Metric::FollowersNet),
        inquiries: Some(all.inquiries as f64).filter(|_| !inputs.imported.inquiries.is_empty()),
        // A count made in the period (materials, donations), not a level
        // reached (followers, a measure kept as its last value).
        kpis: kpis
            .iter()
            .filter(|k| k.unit == Unit::Count && !super::is_level(inputs.plan, &k.metric))
            .map(|k| money::KpiCount {
                kpi: k.kpi.clone(),
                goal: k.goal.clone(),
                name: k.name.clone(),
                unit: k.unit_name.clone(),
                value: k.figure.value,
            })
            .collect(),
    }
}

/// Every problem met reading and measuring, each once.
fn problems(inputs: &Inputs, records: &Records, more: &[&[Problem]]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = inputs
        .imported
        .problems
        .iter()
        .chain(&inputs.problems)
        .chain(&records.own.problems)
        .chain(records.ads.iter().flat_map(|a| &a.problems))
        .chain(records.peers.iter().flat_map(|p| &p.problems))
        .chain(more.iter().flat_map(|m| m.iter()))
        .cloned()
        .collect();
    problems.dedup();
    problems
}

/// The period's posts and planned placements, joined.
struct Listed<'r, 'a> {
    inputs: &'r Inputs<'a>,
    placements: &'r [Placement<'a>],
    joined: &'r Joined,
    posts: &'r [&'r PlacedPost<'a>],
}

impl Listed<'_, '_> {
    /// A post in a list, with the item it was joined to.
    fn post_ref(&self, index: usize, names: &mut Names) -> PostRef {
        let placed = self.posts[index];
        let item = self
            .joined
            .post_item
            .get(&index)
            .map(|p| self.placements[*p].item);
        let file = &self.inputs.imported.files[placed.post.source.file];
        let counts = placed.post.counts.get();
        PostRef {
            platform: names.of(&placed.platform_id),
            id: placed.post.id.clone(),
            url: placed.post.url.clone(),
            date: placed.date,
            planned: item.map(|i| {
                Box::new(PlannedRef {
                    item: i.id.value.clone(),
                    title: i.title.primary().to_string(),
                    goal: i.goal.as_ref().map(|g| g.value.clone()),
                    audience: i.audience.as_ref().map(|a| a.value.clone()),
                })
            }),
            impressions: counts.impressions.or(counts.video_views),
            engagements: counts.engagements,
            source: SourceRef {
                file: names.of(&file.path),
                line: placed.post.source.line,
            },
        }
    }

    /// The five posts with the most engagements (then impressions).
    fn top_posts(&self) -> Vec<PostRef> {
        let mut ranked: Vec<usize> = (0..self.posts.len()).collect();
        // Each post's counts unpacked once, not at each comparison.
        ranked.sort_by_cached_key(|&i| {
            let counts = self.posts[i].post.counts.get();
            std::cmp::Reverse((
                counts.engagements.unwrap_or(-1),
                counts.impressions.unwrap_or(-1),
            ))
        });
        let mut names = Names::default();
        ranked
            .iter()
            .take(5)
            .map(|&i| self.post_ref(i, &mut names))
            .collect()
    }

    /// Posts no planned item accounts for.
    fn unplanned(&self) -> Vec<PostRef> {
        let unplanned: Vec<usize> = (0..self.posts.len())
            .filter(|i| !self.joined.post_item.contains_key(i))
            .collect();
        let mut names = Names::default();
        let mut posts = Vec::with_capacity(unplanned.len());
        posts.extend(unplanned.into_iter().map(|i| self.post_ref(i, &mut names)));
        posts
    }

    /// The platform kinds some post was exported for.
    fn exported(&self) -> HashSet<crate::plan::model::platforms::PlatformKind> {
        self.posts.iter().map(|p| p.post.platform).collect()
    }

    /// Planned placements no exported post matches, on platforms that are
    /// exported, up to the last day the exports cover.
    fn missing(&self) -> Vec<MissingItem> {
        let exported = self.exported();
        let matched: HashSet<usize> = self.joined.post_item.values().copied().collect();
        // Placements after the last exported day are not yet due in the exports.
        let covered = |p: &Placement| {
            let until = self.inputs.covered_until(p.kind);
            p.item
                .publish
                .get()
                .zip(until)
                .is_some_and(|(t, until)| t.date() <= until)
        };
        self.placements
            .iter()
            .enumerate()
            .filter(|(i, p)| !matched.contains(i) && exported.contains(&p.kind) && covered(p))
            .map(|(_, p)| item_of(p))
            .collect()
    }

    /// Items published, by the calendar, on platforms nothing exports.
    fn unverifiable(&self) -> Vec<MissingItem> {
        let exported = self.exported();
        self.placements
            .iter()
            .filter(|p| !exported.contains(&p.kind))
            .filter(|p| {
                p.item.status.get() == Some(&crate::plan::model::calendar::Status::Published)
            })
            .map(item_of)
            .collect()
    }

    /// Platforms with planned items and no post export.
    fn without_exports(&self) -> Vec<String> {
        let exported = self.exported();
        let mut without: Vec<String> = self
            .placements
            .iter()
            .filter(|p| !exported.contains(&p.kind))
            .map(|p| p.platform_id.to_string())
            .collect();
        without.sort();
        without.dedup();
        without
    }

    /// The joined posts' sums by goal, platform and audience.
    fn attribution(&self) -> Vec<Attribution> {
        let mut attribution: Vec<Attribution> = Vec::new();
        for (index, placement_index) in &self.joined.post_item {
            let item = self.placements[*placement_index].item;
            let post = self.posts[*index].post;
            for (by, key) in [
                ("goal", item.goal.as_ref().map(|g| g.value.clone())),
                (
                    "platform",
                    Some(self.placements[*placement_index].platform_id.to_string()),
                ),
                ("audience", item.audience.as_ref().map(|a| a.value.clone())),
                ("occasion", super::occasions::key_of(self.inputs.plan, item)),
            ] {
                let Some(key) = key else { continue };
                if !attribution.iter().any(|a| a.by == by && a.key == key) {
                    attribution.push(Attribution {
                        by,
                        key: key.clone(),
                        posts: 0,
                        impressions: None,
                        engagements: None,
                    });
                }
                let row = attribution
                    .iter_mut()
                    .find(|a| a.by == by && a.key == key)
                    .expect("one row a key");
                row.posts += 1;
                let counts = post.counts.get();
                let impressions = crate::exports::impressions_of(post.platform, &counts);
                row.impressions = added(row.impressions, impressions);
                row.engagements = added(row.engagements, counts.engagements);
            }
        }
        attribution.sort_by(|a, b| (a.by, &a.key).cmp(&(b.by, &b.key)));
        attribution
    }
}

/// A sum that stays unknown (never 0) until some value is known.
fn added(sum: Option<i64>, value: Option<i64>) -> Option<i64> {
    match (sum, value) {
        (sum, None) => sum,
        (sum, Some(v)) => Some(sum.unwrap_or(0) + v),
    }
}

/// A planned placement as an item in a list.
fn item_of(p: &Placement) -> MissingItem {
    MissingItem {
        item: p.item.id.value.clone(),
        title: p.item.title.primary().to_string(),
        platform: p.platform_id.to_string(),
        publish: p
            .item
            .publish
            .get()
            .map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M").to_string()),
        status: p.item.status.raw.clone(),
        goal: p.item.goal.as_ref().map(|g| g.value.clone()),
    }
}
