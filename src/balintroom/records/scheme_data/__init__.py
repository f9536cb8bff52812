"""The credit schemes and leader pathways that come with Balint Room, one module each,
every one a dict named SCHEME in the shape records.schemes.parse reads. Each rule says
where its numbers come from and when that source was written or read; an organisation
copies a scheme and changes its numbers, because chambers and societies differ."""
