"""The Qt application. Only this subpackage imports Qt; it calls into the core for everything."""
