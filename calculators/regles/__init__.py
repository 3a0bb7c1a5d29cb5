"""The law, one module per concept: small functions of dated parameters and amounts."""
