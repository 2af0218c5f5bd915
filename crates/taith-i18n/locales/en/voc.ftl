# Voice of the customer: the comments explorer and themes.
nav-voc = Comments
