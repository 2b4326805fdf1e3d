"""What the tests share: the bundled articles and fixtures, one builder of chat
completions, a loopback endpoint, and the vcrpy set-up for cassettes."""
