"""The build around MkDocs: hooks, calculator widgets, packing pycalc and Pyodide for the browser."""
