"""The law, one module per concept: small functions of dated parameters and amounts
(see ARCHITECTURE.md).  A rules module imports only ``core`` and other rules
modules."""
