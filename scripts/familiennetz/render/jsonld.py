"""schema.org JSON-LD for item pages: NewsArticle, Event, Service."""

from __future__ import annotations

import json
from typing import Any

from ..collection import Collection
from ..documents import Entry
from ..feeds.policy import updated_at
from ..model import MeetingReport, Offer, PressRelease
from .labels import label, language_name

__all__ = ["item_jsonld", "script_safe_json"]


def script_safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element early, nor open a comment in it: `<`,
    `>` and `&` as JSON escapes, which every JSON reader reads back as they were."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _org(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def item_jsonld(entry: Entry, collection: Collection, absolute_url: str,
                image_url: str | None) -> dict[str, Any]:
    data = entry.data
    districts = collection.references["district"]
    area = [districts[s].title for s in data.districts if s in districts]
    out: dict[str, Any] = {"@context": "https://schema.org", "url": absolute_url,
                           "description": data.summary, "inLanguage": "de"}
    if image_url:
        out["image"] = image_url
    if isinstance(data, PressRelease):
        issuer = (data.contact.organisation if data.contact else None) or (area[0] if area else "")
        out.update({"@type": "NewsArticle", "headline": data.title,
                    "datePublished": data.date.at.isoformat(),
                    "dateModified": updated_at(entry).isoformat(),
                    "author": _org(issuer), "publisher": _org(issuer),
                    "mainEntityOfPage": absolute_url})
    elif isinstance(data, MeetingReport):
        meeting = data.meeting
        network = collection.references["network"].get(data.network)
        out.update({"@type": "Event", "name": data.title,
                    "startDate": str(meeting.date) if meeting.date.all_day else meeting.date.at.isoformat(),
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                    "eventStatus": "https://schema.org/EventScheduled",
                    "location": {"@type": "Place", "name": meeting.location,
                                 "address": meeting.location}})
        if meeting.end:
            out["endDate"] = str(meeting.end) if meeting.end.all_day else meeting.end.at.isoformat()
        organisers = list(meeting.organisers) or ([network.title] if network else [])
        if organisers:
            out["organizer"] = [_org(o) for o in organisers]
    elif isinstance(data, Offer):
        out.update({"@type": "Service", "name": data.title,
                    "serviceType": label("offer_type", data.offer_type),
                    "provider": _org(data.provider), "areaServed": area,
                    "availableLanguage": [language_name(c) for c in data.languages],
                    "audience": [{"@type": "Audience",
                                  "audienceType": label("target_groups", g)}
                                 for g in data.target_groups]})
        if data.is_free:
            out["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    return out
