"""The window around the views: start-up, main window, welcome screen, Overview, File > Import.

Only this folder knows every feature folder (through :mod:`viewspecs`)."""
