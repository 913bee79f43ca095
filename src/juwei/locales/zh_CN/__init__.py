"""Chinese (zh_CN) catalogs: one module per domain, each with ``MESSAGES = {english: chinese}``."""
