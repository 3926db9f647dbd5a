"""Interactive widgets for the lessons: live in JupyterLab, kernel-free HTML on the site."""
