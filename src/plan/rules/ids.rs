//! Ids are unique across all files, and every reference resolves.

use super::facts::MonthFacts;
use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span, closest};
use crate::plan::model::calendar::CalendarMonth;
use crate::plan::model::process::Owner;
use crate::plan::model::{Id, Plan};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::i18n::Msg;
use foldhash::{HashMap, HashMapExt as _};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Role,
    Person,
    Goal,
    Kpi,
    Segment,
    Platform,
    Stage,
    Step,
    Item,
    Measure,
}

impl IdKind {
    /// The kind's name, as a message (`noun.goal` …).
    pub fn noun_msg(self) -> Msg {
        match self {
            IdKind::Role => t!("noun.role"),
            IdKind::Person => t!("noun.person"),
            IdKind::Goal => t!("noun.goal"),
            IdKind::Kpi => t!("noun.kpi"),
            IdKind::Segment => t!("noun.segment"),
            IdKind::Platform => t!("noun.platform"),
            IdKind::Stage => t!("noun.stage"),
            IdKind::Step => t!("noun.step"),
            IdKind::Item => t!("noun.item"),
            IdKind::Measure => t!("noun.measure"),
        }
    }

    /// The kind's plural name, as a message.
    pub fn plural_msg(self) -> Msg {
        match self {
            IdKind::Role => t!("nouns.role"),
            IdKind::Person => t!("nouns.person"),
            IdKind::Goal => t!("nouns.goal"),
            IdKind::Kpi => t!("nouns.kpi"),
            IdKind::Segment => t!("nouns.segment"),
            IdKind::Platform => t!("nouns.platform"),
            IdKind::Stage => t!("nouns.stage"),
            IdKind::Step => t!("nouns.step"),
            IdKind::Item => t!("nouns.item"),
            IdKind::Measure => t!("nouns.measure"),
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            IdKind::Person => "people",
            IdKind::Role => "roles",
            IdKind::Goal => "goals",
            IdKind::Kpi => "KPIs",
            IdKind::Segment => "audience segments",
            IdKind::Platform => "platforms",
            IdKind::Stage => "process stages",
            IdKind::Step => "process steps",
            IdKind::Item => "calendar items",
            IdKind::Measure => "measures",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Role => "role",
            IdKind::Person => "person",
            IdKind::Goal => "goal",
            IdKind::Kpi => "KPI",
            IdKind::Segment => "audience segment",
            IdKind::Platform => "platform",
            IdKind::Stage => "process stage",
            IdKind::Step => "process step",
            IdKind::Item => "calendar item",
            IdKind::Measure => "measure",
        }
    }
}

/// Where each id is defined, by kind; and which kinds could be read at all.
pub struct Index<'a> {
    defined: HashMap<&'a str, (IdKind, Span)>,
    by_kind: HashMap<IdKind, Vec<&'a str>>,
    available: Vec<IdKind>,
}

impl<'a> Index<'a> {
    pub fn kind_of(&self, id: &str) -> Option<IdKind> {
        self.defined.get(id).map(|(k, _)| *k)
    }

    pub fn has(&self, kind: IdKind, id: &str) -> bool {
        self.kind_of(id) == Some(kind)
    }

    /// Whether the file defining `kind` was read, so a missing id is a real problem.
    pub fn knows(&self, kind: IdKind) -> bool {
        self.available.contains(&kind)
    }

    pub fn ids(&self, kind: IdKind) -> &[&'a str] {
        self.by_kind.get(&kind).map_or(&[], Vec::as_slice)
    }

    pub fn definition(&self, id: &str) -> Option<Span> {
        self.defined.get(id).map(|(_, s)| *s)
    }
}

/// Indexes the ids of the plan-wide files, reporting duplicates (calendar
/// items are checked month by month: [`duplicate_items`]).
pub(super) fn build<'a>(plan: &'a Plan, out: &mut Vec<Diagnostic>) -> Index<'a> {
    let mut index = Index {
        defined: HashMap::new(),
        by_kind: HashMap::new(),
        available: Vec::new(),
    };
    let mut define = |kind: IdKind, file: FileId, id: &'a Id| {
        let here = span(file, id);
        if let Some(&(first_kind, first)) = index.defined.get(id.value.as_str()) {
            out.push(duplicate(&id.value, (kind, here), (first_kind, first)));
            return;
        }
        index.defined.insert(id.value.as_str(), (kind, here));
        index
            .by_kind
            .entry(kind)
            .or_default()
            .push(id.value.as_str());
    };
    if let Some(team) = &plan.team {
        for role in &team.data.roles {
            define(IdKind::Role, team.file, &role.id);
        }
        for person in &team.data.people {
            define(IdKind::Person, team.file, &person.id);
        }
    }
    if let Some(platforms) = &plan.platforms {
        for p in &platforms.data.platforms {
            define(IdKind::Platform, platforms.file, &p.id);
        }
    }
    if let Some(goals) = &plan.goals {
        for goal in &goals.data.goals {
            define(IdKind::Goal, goals.file, &goal.id);
            for kpi in &goal.kpis {
                define(IdKind::Kpi, goals.file, &kpi.id);
            }
        }
    }
    if let Some(audience) = &plan.audience {
        for segment in &audience.data.segments {
            define(IdKind::Segment, audience.file, &segment.id);
        }
    }
    if let Some(process) = &plan.process {
        for stage in &process.data.stages {
            define(IdKind::Stage, process.file, &stage.id);
            for step in &stage.steps {
                define(IdKind::Step, process.file, &step.id);
            }
        }
    }
    if let Some(measures) = &plan.measures {
        for measure in &measures.data.measures {
            define(IdKind::Measure, measures.file, &measure.id);
        }
    }
    let mut available = Vec::new();
    if plan.measures.is_some() {
        available.push(IdKind::Measure);
    }
    if plan.team.is_some() {
        available.extend([IdKind::Role, IdKind::Person]);
    }
    if plan.platforms.is_some() {
        available.push(IdKind::Platform);
    }
    if plan.goals.is_some() {
        available.extend([IdKind::Goal, IdKind::Kpi]);
    }
    if plan.audience.is_some() {
        available.push(IdKind::Segment);
    }
    if plan.process.is_some() {
        available.extend([IdKind::Stage, IdKind::Step]);
    }
    index.available = available;
    index
}

/// `id` defined again at `here` after `first`.
fn duplicate(id: &str, here: (IdKind, Span), first: (IdKind, Span)) -> Diagnostic {
    Diagnostic::new(&rule::DUPLICATE_ID, t!("duplicate-id", id = id))
        .at(here.1)
        .label(t!("duplicate-id.label", kind = here.0.noun_msg()))
        .related(first.1, t!("duplicate-id.first", kind = first.0.noun_msg()))
        .help(t!("duplicate-id.help"))
}

/// Calendar item ids, month by month, against the plan-wide ids and each
/// other: an id is defined once in the whole plan.
pub(super) fn duplicate_items(cx: &Context, months: &[MonthFacts], out: &mut Vec<Diagnostic>) {
    let mut items: HashMap<&str, Span> = HashMap::new();
    for item in months.iter().flat_map(|m| &m.items) {
        let here = (IdKind::Item, item.at);
        if let Some(&first) = cx.index.defined.get(&*item.id) {
            out.push(duplicate(&item.id, here, first));
        } else if let Some(&first) = items.get(&*item.id) {
            out.push(duplicate(&item.id, here, (IdKind::Item, first)));
        } else {
            items.insert(&item.id, item.at);
        }
    }
}

/// Reports `reference` unless it names an id of `kind`.
pub(super) fn expect(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    reference: &Id,
    kind: IdKind,
) -> bool {
    let name = reference.value.as_str();
    if cx.index.has(kind, name) {
        return true;
    }
    if !cx.index.knows(kind) {
        return false;
    }
    let mut diagnostic = Diagnostic::new(
        &rule::UNRESOLVED_REFERENCE,
        t!("unresolved-reference", kind = kind.noun_msg(), name = name),
    )
    .at(span(file, reference))
    .label(t!("unresolved-reference.label", kind = kind.noun_msg()));
    if let Some(other) = cx.index.kind_of(name) {
        diagnostic = diagnostic
            .label(t!(
                "wrong-kind",
                other = other.noun_msg(),
                kind = kind.noun_msg()
            ))
            .related(
                cx.index.definition(name).expect("defined"),
                t!("defined-here", name = name),
            );
        if kind == IdKind::Role && other == IdKind::Person
            || kind == IdKind::Person && other == IdKind::Role
        {
            diagnostic = diagnostic.help(t!("role-or-person", name = name));
        }
    } else if let Some(near) = closest(name, cx.index.ids(kind).iter().copied()) {
        diagnostic = diagnostic.help(t!("did-you-mean", word = near));
    } else {
        let known = cx.index.ids(kind);
        if !known.is_empty() && known.len() <= 12 {
            diagnostic = diagnostic.help(t!(
                "known-ids",
                kinds = kind.plural_msg(),
                ids = known.join(", ")
            ));
        }
    }
    out.push(diagnostic);
    false
}

/// Checks an owner reference: a person's id or `role:<id>`.
pub(super) fn expect_owner(cx: &Context, out: &mut Vec<Diagnostic>, file: FileId, owner: &Id) {
    match Owner::parse(&owner.value) {
        Owner::Person(_) => {
            if cx.index.kind_of(&owner.value) == Some(IdKind::Role) {
                if cx.index.knows(IdKind::Person) {
                    out.push(
                        Diagnostic::new(
                            &rule::UNRESOLVED_REFERENCE,
                            t!("owner-is-role", name = &owner.value),
                        )
                        .at(span(file, owner))
                        .help(t!("owner-is-role.help", name = &owner.value)),
                    );
                }
            } else {
                expect(cx, out, file, owner, IdKind::Person);
            }
        }
        Owner::Role(role) => {
            let mut reference = owner.clone();
            reference.value = role.to_string();
            expect(cx, out, file, &reference, IdKind::Role);
        }
    }
}

/// Every cross-file reference except those of the process (checked with its ordering).
pub(super) fn check_references(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    if let Some(team) = &plan.team {
        for person in &team.data.people {
            for role in &person.roles {
                expect(cx, out, team.file, role, IdKind::Role);
            }
        }
    }
    if let Some(goals) = &plan.goals {
        for kpi in goals.data.goals.iter().flat_map(|g| &g.kpis) {
            for p in &kpi.platforms {
                expect(cx, out, goals.file, p, IdKind::Platform);
            }
        }
    }
    if let Some(audience) = &plan.audience {
        for segment in &audience.data.segments {
            for p in &segment.platforms {
                expect(cx, out, audience.file, p, IdKind::Platform);
            }
        }
    }
    if let Some(policies) = &plan.policies
        && let Some(approval) = &policies.data.approval
    {
        for who in &approval.by {
            expect_owner(cx, out, policies.file, who);
        }
    }
}

/// The references of one calendar month's items.
pub(super) fn check_item_references(
    cx: &Context,
    file: FileId,
    month: &CalendarMonth,
    out: &mut Vec<Diagnostic>,
) {
    for item in &month.items {
        for p in &item.platforms {
            expect(cx, out, file, p, IdKind::Platform);
        }
        if let Some(goal) = &item.goal {
            expect(cx, out, file, goal, IdKind::Goal);
        }
        if let Some(kpi) = &item.kpi
            && expect(cx, out, file, kpi, IdKind::Kpi)
        {
            check_kpi_belongs(cx, out, file, item);
        }
        if let Some(segment) = &item.audience {
            expect(cx, out, file, segment, IdKind::Segment);
        }
        expect(cx, out, file, &item.owner, IdKind::Person);
    }
}

fn check_kpi_belongs(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    item: &crate::plan::model::calendar::Item,
) {
    let (Some(kpi), Some(goal), Some(goals)) = (&item.kpi, &item.goal, &cx.plan.goals) else {
        return;
    };
    let owner = goals
        .data
        .goals
        .iter()
        .find(|g| g.kpis.iter().any(|k| k.id.value == kpi.value));
    if let Some(owner) = owner
        && owner.id.value != goal.value
        && cx.index.has(IdKind::Goal, &goal.value)
    {
        out.push(
            Diagnostic::new(
                &rule::UNRESOLVED_REFERENCE,
                t!(
                    "kpi-other-goal",
                    kpi = &kpi.value,
                    owner = &owner.id.value,
                    goal = &goal.value
                ),
            )
            .at(span(file, kpi))
            .related(span(goals.file, &owner.id), t!("kpi-other-goal.related"))
            .help(t!(
                "kpi-other-goal.help",
                owner = &owner.id.value,
                goal = &goal.value
            )),
        );
    }
}
