"""Building blocks shared by every view: context, table models, forms, dialogs, background tasks."""
