"""Regions: Beijing, Tianjin, Hebei ⊃ Chengde ⊃ its districts, counties and zones."""
