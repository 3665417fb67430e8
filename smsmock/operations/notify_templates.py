"""Notify's catalogue: the AWS-managed templates and the countries Notify sends to, with
DescribeNotifyTemplates and ListNotifyCountries, and how a template's variables are filled in.

The catalogue is data (``smsmock/data/notify.json``, where its sources are named): verification
code templates per language for SMS and VOICE, with ``{{variable}}`` placeholders whose values
are the caller's (``CUSTOMER``) or the service's (``SYSTEM``: ``brand``, the configuration's
display name), as the Notify templates page describes them; the countries are libphonenumber's
regions, 30 of them on the Basic tier as the Notify tiers page gives the number.
"""

from __future__ import annotations

from typing import Any

from smsmock.rules.notify_templates import (
    NotifyCountry,
    NotifyTemplate,
    notify_countries,
    notify_template,
    notify_templates,
)
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation

# -- operations --------------------------------------------------------------------


@operation("DescribeNotifyTemplates")
def describe_notify_templates(call: Call, params: Params) -> dict[str, Any]:
    source: list[NotifyTemplate] = list(notify_templates())
    if params.get("TemplateIds"):
        source = list({t: notify_template(t) for t in params["TemplateIds"]}.values())
    page, token = paginate(
        call,
        source,
        params,
        filters=attribute_filters(
            "template_type",
            "channels",
            "tier_access",
            "supported_countries",
            "language_code",
            "supported_voice_ids",
        ),
    )
    return {"NotifyTemplates": page, "NextToken": token}


@operation("ListNotifyCountries")
def list_notify_countries(call: Call, params: Params) -> dict[str, Any]:
    channels = set(params.get("Channels") or [])
    use_cases = set(params.get("UseCases") or [])
    tier = params.get("Tier")

    def wanted(country: NotifyCountry) -> bool:
        return (
            (not channels or not channels.isdisjoint(country.supported_channels))
            and (not use_cases or not use_cases.isdisjoint(country.supported_use_cases))
            and (tier is None or tier in country.supported_tiers)
        )

    page, token = paginate(call, list(notify_countries()), params, where=wanted)
    return {"NotifyCountries": page, "NextToken": token}
