"""The sidebar: which main views there are, in order, and where each one lives.

Views are imported when first shown, so start-up only pays for the Overview.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    target: str   # "module:ClassName"

    def load(self) -> type:
        module_name, class_name = self.target.split(":")
        return getattr(importlib.import_module(module_name), class_name)


VIEW_SPECS: tuple[ViewSpec, ...] = (
    ViewSpec("overview", "Overview", "sgdesk.gui.shell.overview:OverviewView"),
    ViewSpec("membership", "Membership", "sgdesk.gui.membership.view:MembershipView"),
    ViewSpec("meetings", "Meetings", "sgdesk.gui.membership.meetings_view:MeetingsView"),
    ViewSpec("training", "Training", "sgdesk.gui.training.view:TrainingView"),
    ViewSpec("assessment", "Self-assessment", "sgdesk.gui.assessment.view:AssessmentView"),
    ViewSpec("finance", "Finance", "sgdesk.gui.finance.view:FinanceView"),
    ViewSpec("reports", "Reports", "sgdesk.gui.reports.view:ReportsView"),
)
