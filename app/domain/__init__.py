"""Pure domain: money in fen, policy, the return rule engine. No Qt, no SQLAlchemy."""
