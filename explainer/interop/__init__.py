"""Moving questions between explainer packs and other quiz formats (Moodle GIFT, Aiken).

No Textual imports here: these run from the command line.
"""
