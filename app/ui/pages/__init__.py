"""The counter's work pages (sign-in, receipt, no receipt, member, code, completed return) and their base."""
