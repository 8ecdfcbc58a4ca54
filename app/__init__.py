"""Returns Desk (售后服务台): the returns and after-sales counter of a neighbourhood supermarket."""

__version__ = "0.1.0"
