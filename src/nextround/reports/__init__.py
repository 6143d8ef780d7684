"""Reports: report data and rendering (HTML, PDF and SVG charts)."""
