"""Demo data: a believable shop made through the real import and return services (never the counter's path)."""

from app.services.demo.shop import DemoShop, create_demo_shop

__all__ = ["DemoShop", "create_demo_shop"]
