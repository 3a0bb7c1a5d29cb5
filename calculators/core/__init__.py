"""Shared machinery of the calculators: input schema, parameters, rounding."""
