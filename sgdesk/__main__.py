import sys

from sgdesk.cli import main

sys.exit(main())
