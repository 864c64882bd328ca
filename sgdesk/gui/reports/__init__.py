"""Reports: outputs on screen, page previews, exports and the annual-report pack."""
