"""Pure rules: thresholds, profiles, ID numbers, dates, who belongs to a body.

Nothing here touches a database, a file or the CLI, and nothing here imports the rest of juwei except
:mod:`juwei.i18n` for error wording. Every function cites the rule it implements (docs/rules.md S1…S29,
LAW.md).
"""
