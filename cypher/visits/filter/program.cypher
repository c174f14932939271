// Filter: under a program whose name contains $program.
v.program CONTAINS $program
