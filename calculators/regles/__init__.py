"""The law, one module per concept: small functions of dated parameters and amounts.

A rules module imports only ``calculators.core`` and other rules modules, never a
calculator (tests/calculators/test_architecture.py).
"""
