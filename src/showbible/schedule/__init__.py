"""Production planning: stripboards from the canon, the talent DP, the CP-SAT calendar model."""
