import sys

from catlint.cli import main

sys.exit(main())
