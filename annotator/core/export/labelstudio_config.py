"""The Label Studio labelling config for a scheme, written beside a Label Studio export
(``OUT.config.xml``): ``Labels`` with the scheme's colours, ``Relations`` for its link types,
the ``Text`` tag, and per-region controls for span attributes (``Number`` for an integer,
``Choices`` for a choice, ``TextArea`` for a string), shown when a region of that label is
selected. Names match what :mod:`~annotator.core.export.labelstudio` writes (``label``,
``text``, the attribute's name), so Label Studio reads the export with this config as is."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from annotator.core.export.labelstudio import LABEL_TAG, TEXT_TAG
from annotator.core.scheme import Attribute, Scheme


def config_xml(scheme: Scheme) -> str:
    """The ``<View>`` config for ``scheme``."""
    lines = ["<View>", f"  <Labels name={quoteattr(LABEL_TAG)} toName={quoteattr(TEXT_TAG)}>"]
    lines += [
        f"    <Label value={quoteattr(label.name)} background={quoteattr(label.color)}/>"
        for label in scheme.labels
    ]
    lines.append("  </Labels>")
    if scheme.relations:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(r.name)}/>" for r in scheme.relations]
        lines.append("  </Relations>")
    lines.append(f"  <Text name={quoteattr(TEXT_TAG)} value={quoteattr('$' + TEXT_TAG)}/>")
    for label in scheme.labels:
        if label.attributes:
            lines.append(f'  <View visibleWhen="region-selected" whenLabelValue={quoteattr(label.name)}>')
            lines += ["    " + _control(attr) for attr in label.attributes]
            lines.append("  </View>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _control(attr: Attribute) -> str:
    common = f'name={quoteattr(attr.name)} toName={quoteattr(TEXT_TAG)} perRegion="true"'
    if attr.type == "int":
        return f"<Number {common}/>"
    if attr.type in ("choice", "bool"):
        values = attr.choices if attr.type == "choice" else ("true", "false")
        choices = "".join(f"<Choice value={quoteattr(str(c))}/>" for c in values if c is not None)
        return f'<Choices {common} choice="single">{choices}</Choices>'
    return f"<TextArea {common}/>"


def config_path(out: Path, folder: bool) -> Path:
    """Where the config goes: ``OUT.config.xml`` beside a file (``tasks.json`` ->
    ``tasks.config.xml``), ``config.xml`` inside a split export's folder."""
    if folder:
        return out / "config.xml"
    return out.with_name((out.name[:-5] if out.name.lower().endswith(".json") else out.name) + ".config.xml")
