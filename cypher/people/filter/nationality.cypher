// Filter: a nationality among $nationality (a list of ISO 3166-1 alpha-2 codes).
p.nationality IN $nationality
