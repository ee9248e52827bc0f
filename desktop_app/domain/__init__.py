"""Pure domain rules shared by the services and the widgets that give early feedback."""
