import sys
from pathlib import Path

# Lets tests import their shared helpers (case_data) whatever the working directory.
sys.path.insert(0, str(Path(__file__).parent))
