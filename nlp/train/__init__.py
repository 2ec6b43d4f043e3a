"""Training: the theme model and the party tagger. Runtime code never imports this package."""
